package com.advapacs.clinician.server;

import com.advapacs.clinician.server.admin.PortalAdministration;
import com.advapacs.clinician.server.auth.PasswordHasher;
import com.advapacs.clinician.server.cli.CommandLineParser;
import com.advapacs.clinician.server.cli.PasswordInput;
import com.advapacs.clinician.server.cli.PortalCommand;
import com.advapacs.clinician.server.cli.UsageException;
import com.advapacs.clinician.server.passkey.RelyingParty;
import com.advapacs.clinician.server.store.Database;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** Command-line entry point: runs the portal, or changes accounts in its database. */
public final class PortalServerMain {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private PortalServerMain() {
    }

    /**
     * Parses the arguments, points logging at the log folder and runs the command. Nothing may
     * log before {@link PortalLogging#configure}, because the record would go to the console.
     */
    public static void main(String[] args) {
        PortalCommand command;
        try {
            command = CommandLineParser.parse(Arrays.asList(args));
        } catch (UsageException e) {
            System.err.println("Error: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        if (command.action() != PortalCommand.Action.HELP
                && !startLogging(command, System.err)) {
            System.exit(EXIT_FAILURE);
            return;
        }
        int status = run(command, System.console(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out, System.err, true);
        if (status != EXIT_OK) {
            System.exit(status);
        }
    }

    /**
     * Sends the log to the command's log folder and restricts the log files to their owner.
     *
     * @return false if the log folder or file cannot be created, which is reported on
     *     {@code err}
     */
    private static boolean startLogging(PortalCommand command, PrintStream err) {
        Path logFolder = PortalLogging.logDirectory(command.logDirectory(),
                System.getProperty(PortalLogging.LOG_DIRECTORY_PROPERTY), databasePath(command));
        try {
            PortalLogging.configure(logFolder);
        } catch (IOException e) {
            err.println("Error: Cannot create the log file in " + logFolder + " (" + e
                    + "). Give a folder you can write to with --log-dir DIR.");
            return false;
        }
        try {
            PortalLogging.restrictActiveLogFiles();
        } catch (IOException e) {
            err.println("Warning: Cannot restrict the log files in " + logFolder
                    + " to their owner (" + e + ").");
        }
        return true;
    }

    /**
     * Parses and runs one command, with logging as it is already configured.
     *
     * @param block whether serving waits until the process is stopped; tests pass false
     * @return the process exit status: 0 success, 1 failure, 2 invalid arguments
     */
    static int run(String[] args, Console console, BufferedReader stdin, PrintStream out,
            PrintStream err, boolean block) {
        PortalCommand command;
        try {
            command = CommandLineParser.parse(Arrays.asList(args));
        } catch (UsageException e) {
            err.println("Error: " + e.getMessage());
            return EXIT_USAGE;
        }
        return run(command, console, stdin, out, err, block);
    }

    private static int run(PortalCommand command, Console console, BufferedReader stdin,
            PrintStream out, PrintStream err, boolean block) {
        Path database = databasePath(command);
        try {
            return switch (command.action()) {
                case HELP -> {
                    out.print(String.format(CommandLineParser.USAGE,
                            DataDirectories.defaultDatabasePath()));
                    yield EXIT_OK;
                }
                case ADD_USER -> addUser(command, database, console, stdin, out);
                case REQUIRE_MFA_FOR_ORGANISATION -> requireMfa(command, database, out);
                case SERVE -> serve(command, database, out, err, block);
            };
        } catch (UsageException e) {
            err.println("Error: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("Error: " + describe(e));
            return EXIT_FAILURE;
        }
    }

    private static Path databasePath(PortalCommand command) {
        return command.databasePath() != null
                ? command.databasePath() : DataDirectories.defaultDatabasePath();
    }

    /** Returns the message of {@code e} followed by that of its cause, if different. */
    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        if (cause == null || cause.getMessage() == null
                || cause.getMessage().equals(e.getMessage())) {
            return e.getMessage();
        }
        return e.getMessage() + ": " + cause.getMessage();
    }

    private static int addUser(PortalCommand command, Path databasePath, Console console,
            BufferedReader stdin, PrintStream out) throws UsageException, IOException {
        String password = PasswordInput.read(console, stdin, command.email());
        try (Database database = Database.open(databasePath)) {
            PortalAdministration admin = administration(database);
            long id = admin.addUser(command.email(), command.displayName(),
                    command.organisation(), command.requireMfa(), password);
            out.println("Added user " + command.email() + " (id " + id + ") to "
                    + database.path() + ".mv.db");
        }
        return EXIT_OK;
    }

    /**
     * Requires MFA for an organisation that has members. An organisation without members is
     * rejected, because a misspelt name would otherwise leave the real one unprotected.
     */
    private static int requireMfa(PortalCommand command, Path databasePath, PrintStream out)
            throws UsageException {
        try (Database database = Database.open(databasePath)) {
            PortalAdministration admin = administration(database);
            List<String> organisations = admin.organisationsWithMembers();
            if (!organisations.contains(command.organisation())) {
                throw new UsageException("No user belongs to the organisation \""
                        + command.organisation() + "\" in " + database.path() + ".mv.db. "
                        + describeOrganisations(organisations) + " Check the spelling, or add"
                        + " its first user with --add-user EMAIL --organisation ORG.");
            }
            admin.setOrganisationMfaRequired(command.organisation(), true);
            out.println("A second sign-in step is now required for every member of "
                    + command.organisation() + ".");
        }
        return EXIT_OK;
    }

    private static String describeOrganisations(List<String> organisations) {
        if (organisations.isEmpty()) {
            return "No organisation has members yet.";
        }
        return "Organisations with members: " + organisations.stream()
                .map(name -> "\"" + name + "\"").collect(Collectors.joining(", ")) + ".";
    }

    private static PortalAdministration administration(Database database) {
        return new PortalAdministration(database,
                new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom()),
                Clock.systemUTC());
    }

    private static int serve(PortalCommand command, Path database, PrintStream out,
            PrintStream err, boolean block) throws IOException {
        boolean loopback = InetAddress.getByName(command.bindAddress()).isLoopbackAddress();
        if (!loopback) {
            err.println("Warning: listening on " + command.bindAddress() + " exposes the portal"
                    + " to the network over plain HTTP. Use 127.0.0.1 unless a TLS proxy is in"
                    + " front of it.");
        }
        if (!loopback && command.passkeys().rpId() == null) {
            err.println("Warning: passkeys use the RP ID localhost, so they only work in an app"
                    + " on this machine. Set --rp-id and --origin to the name clients use.");
        }
        List<Path> logFiles = PortalLogging.activeLogFiles();
        out.println(logFiles.isEmpty()
                ? "Logging to the console: no log file was set up."
                : "Logging to " + logFiles.stream().map(Path::toString)
                        .collect(Collectors.joining(", ")));
        PortalConfig config = PortalConfig.defaults(database)
                .withBindAddress(command.bindAddress())
                .withPort(command.port())
                .withPasskeys(command.passkeys());
        PortalServer server = new PortalServer(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        if (block) {
            // Registered before the address is printed, so that a stop right after it still
            // closes the database.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "portal-shutdown"));
        }
        out.println("AdvaPACS portal listening on " + server.baseUri() + " with database "
                + database.toAbsolutePath() + ".mv.db");
        RelyingParty relyingParty = command.passkeys().resolve(server.port());
        out.println("Passkeys: RP ID " + relyingParty.id() + ", origin " + relyingParty.origin()
                + ", user verification " + relyingParty.userVerification().wireName()
                + ", attestation " + relyingParty.attestation().wireName());
        if (!block) {
            server.close();
            return EXIT_OK;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }
}
