package com.advapacs.clinician.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineParserTest {

    @Test
    void defaultsToServingOnLoopback8080() throws UsageException {
        PortalCommand command = CommandLineParser.parse(List.of());
        assertEquals(PortalCommand.Action.SERVE, command.action());
        assertEquals("127.0.0.1", command.bindAddress());
        assertEquals(8080, command.port());
        assertNull(command.databasePath());
    }

    @Test
    void acceptsBothValueForms() throws UsageException {
        PortalCommand command = CommandLineParser.parse(
                List.of("--port=0", "--bind", "::1", "--database=/tmp/x/portal"));
        assertEquals(0, command.port());
        assertEquals("::1", command.bindAddress());
        assertEquals(Path.of("/tmp/x/portal"), command.databasePath());
    }

    @Test
    void localhostBindsLoopbackAddress() throws UsageException {
        assertEquals("127.0.0.1",
                CommandLineParser.parse(List.of("--bind", "localhost")).bindAddress());
    }

    @Test
    void parsesAddUser() throws UsageException {
        PortalCommand command = CommandLineParser.parse(List.of("--add-user", "a@b.org",
                "--display-name", "Dr A", "--organisation", "Org", "--require-mfa"));
        assertEquals(PortalCommand.Action.ADD_USER, command.action());
        assertEquals("a@b.org", command.email());
        assertEquals("Dr A", command.displayName());
        assertEquals("Org", command.organisation());
        assertTrue(command.requireMfa());
    }

    @Test
    void parsesOrganisationPolicy() throws UsageException {
        PortalCommand command = CommandLineParser.parse(
                List.of("--require-mfa-for-organisation", "St Example Hospital"));
        assertEquals(PortalCommand.Action.REQUIRE_MFA_FOR_ORGANISATION, command.action());
        assertEquals("St Example Hospital", command.organisation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown option | --verbose | Unknown option "--verbose"
        port too large | --port 70000 | Invalid port "70000"
        port not a number | --port ten | Invalid port "ten"
        bind host name | --bind example.org | Invalid bind address "example.org"
        bind bad ipv4 | --bind 300.1.1.1 | Invalid bind address "300.1.1.1"
        missing value | --port | --port needs a value
        repeated option | --port 1 --port 2 | more than once
        name without user | --display-name X | only applies together with --add-user
        user without name | --add-user a@b.org | needs --display-name
        two commands | --add-user a@b --display-name X --require-mfa-for-organisation O | not both
        port with admin | --add-user a@b.org --display-name X --port 1 | only applies when serving
        flag with value | --require-mfa=yes | takes no value
        database with ; | --database a;b | Invalid database path "a;b"
        """)
    void rejectsInvalidArguments(String name, String args, String expected) {
        UsageException error = assertThrows(UsageException.class,
                () -> CommandLineParser.parse(List.of(args.split(" "))));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
