package com.advapacs.clinician.e2e;

import com.advapacs.clinician.app.ClinicianApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import org.testfx.api.FxToolkit;

/** Starts and stops the real app, with its data in a test directory. */
final class AppUnderTest implements AutoCloseable {

    private final Application app;

    private AppUnderTest(Application app) {
        this.app = app;
    }

    static AppUnderTest start(Path dataDirectory, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add("--data-dir");
        arguments.add(dataDirectory.toString());
        FxToolkit.registerPrimaryStage();
        return new AppUnderTest(FxToolkit.setupApplication(ClinicianApp.class,
                arguments.toArray(String[]::new)));
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
