import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of scripts/benchmark-startup.sh: a JavaFX 21 window with one label, of the same
 * size as the sign-in window, packaged the same way as the app. With --self-check it closes
 * after its first frame, which the packaging steps use to record its AppCDS archive.
 *
 * <p>The main class does not extend Application, as in the app: the java launcher rejects
 * such a main class when JavaFX is on the class path instead of the module path.
 */
public final class BareWindow {

    private BareWindow() {
    }

    /** The window itself. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            Label label = new Label("Bare JavaFX 21 window");
            stage.setScene(new Scene(new StackPane(label), 560, 620));
            stage.setTitle("Bare window");
            stage.show();
            if (getParameters().getRaw().contains("--self-check")) {
                new AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long now) {
                        if (++frames >= 2) {
                            stop();
                            Platform.exit();
                        }
                    }
                }.start();
            }
        }
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }
}
