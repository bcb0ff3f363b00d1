package com.advapacs.clinician.ui;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * Counts down a wait the portal asked for, once a second on the FX thread, so that a
 * message can show the time left and a button can come back when it is over.
 */
public final class Countdown {

    private final Timeline timeline = new Timeline();
    private long secondsLeft;

    private Countdown() {
    }

    /**
     * Starts counting down {@code wait}: {@code onTick} gets the time left at once and then
     * every second, {@code onDone} runs when the time is up.
     */
    public static Countdown start(Duration wait, Consumer<Duration> onTick, Runnable onDone) {
        Countdown countdown = new Countdown();
        countdown.secondsLeft = Math.max(1, wait.toSeconds());
        onTick.accept(Duration.ofSeconds(countdown.secondsLeft));
        countdown.timeline.getKeyFrames().add(new KeyFrame(javafx.util.Duration.seconds(1),
                event -> {
                    countdown.secondsLeft--;
                    if (countdown.secondsLeft <= 0) {
                        countdown.timeline.stop();
                        onDone.run();
                    } else {
                        onTick.accept(Duration.ofSeconds(countdown.secondsLeft));
                    }
                }));
        countdown.timeline.setCycleCount(Timeline.INDEFINITE);
        countdown.timeline.play();
        return countdown;
    }

    public void stop() {
        timeline.stop();
    }
}
