package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.stage.Window;

/**
 * What support needs to know about a failed passkey step, and the Get help window that
 * shows the support contact and copies the summary.
 *
 * <p>The summary contains versions, the key's model, AAGUID, firmware and transport, the
 * failing step and its error code. It never contains a PIN, token, code or user secret: none
 * of them is ever passed to this class.
 */
public final class Diagnostics {

    private final String supportContact;
    private final Supplier<String> libraryVersion;
    private SecurityKeys.KeyDetails key;
    private String step;
    private String error;
    private int code;

    /**
     * @param supportContact whom to contact, as configured, or null for the portal's support
     * @param libraryVersion reads libfido2's version, or describes why it is not available
     */
    public Diagnostics(String supportContact, Supplier<String> libraryVersion) {
        this.supportContact = supportContact;
        this.libraryVersion = libraryVersion;
    }

    void key(SecurityKeys.KeyDetails details) {
        this.key = details;
    }

    void failure(String failedStep, Throwable failure) {
        this.step = failedStep;
        this.error = failure.getClass().getSimpleName();
        this.code = 0;
        if (failure instanceof FidoException e) {
            this.error = e.problem().name();
            this.code = e.code();
        } else if (failure instanceof PortalException e) {
            this.error = e.problem().name() + e.serverCode().map(server -> " " + server)
                    .orElse("");
        }
    }

    /** Creates the exception to show when libfido2 cannot be loaded. */
    FidoException libraryProblem() {
        return FidoException.of(FidoProblem.LIBRARY_MISSING, libraryVersion.get());
    }

    /** Builds the summary that Copy details puts on the clipboard. */
    String summary() {
        StringBuilder text = new StringBuilder();
        line(text, "Time", Instant.now().toString());
        line(text, "App", "AdvaPACS Clinician " + appVersion());
        line(text, "libfido2", libraryVersion.get());
        line(text, "Java", System.getProperty("java.version"));
        line(text, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")");
        if (key != null) {
            line(text, "Key", key.manufacturer() + " " + key.product());
            line(text, "AAGUID", key.aaguid());
            line(text, "Firmware", key.firmware());
            line(text, "Transport", key.transport());
            line(text, "PIN set", String.valueOf(key.pinSet()));
        }
        line(text, "Step", step);
        line(text, "Error", error);
        line(text, "libfido2 code", code == 0 ? null : String.valueOf(code));
        return text.toString();
    }

    void showHelp(Window owner) {
        String contact = supportContact == null || supportContact.isBlank()
                ? Messages.get("passkey.help.defaultContact") : supportContact;
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("passkey.help.title"));
        alert.setHeaderText(null);
        Label header = new Label(Messages.get("passkey.help.header", contact));
        header.setWrapText(true);
        header.setMaxWidth(480);
        String summary = summary();
        TextArea details = new TextArea(summary);
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(10);
        details.setId("diagnostics");
        alert.getDialogPane().setContent(new VBox(10, header, details));
        alert.getDialogPane().setMaxWidth(540);
        ButtonType copy = new ButtonType(Messages.get("passkey.help.copy"),
                ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.CLOSE);
        alert.getDialogPane().lookupButton(copy).addEventFilter(
                javafx.event.ActionEvent.ACTION, event -> {
                    event.consume();
                    Clipboard.getSystemClipboard().setContent(
                            Map.of(DataFormat.PLAIN_TEXT, summary));
                });
        alert.showAndWait();
    }

    private static String appVersion() {
        String version = Diagnostics.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static void line(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append(name).append(": ").append(value).append('\n');
        }
    }
}
