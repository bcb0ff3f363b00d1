package com.advapacs.clinician.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking work (portal requests) off the FX thread and hands the outcome back to it.
 *
 * <p>Both callbacks run on the FX thread. An unchecked failure still reaches
 * {@code onFailure}, and is logged here once with its stack.
 */
public final class Background {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "background-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    /** Starts {@code work}; returns the task so that a caller can cancel or observe it. */
    public static <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> {
            Throwable failure = task.getException();
            // Checked exceptions are the failures callers expect and show; anything else
            // is a bug, logged here once with its stack.
            if (failure instanceof RuntimeException || failure instanceof Error) {
                LOG.error("Background work failed unexpectedly", failure);
            }
            onFailure.accept(failure);
        });
        EXECUTOR.execute(task);
        return task;
    }

    /** Starts work whose outcome no caller waits for, such as a sign-out after cancelling. */
    public static void fireAndForget(String what, Callable<?> work) {
        EXECUTOR.execute(() -> {
            try {
                work.call();
            } catch (Exception e) {
                LOG.info("{} failed: {}", what, e.getMessage());
            }
        });
    }
}
