package com.advapacs.clinician.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.passkey.AttestationPreference;
import com.advapacs.clinician.server.passkey.PasskeySettings;
import com.advapacs.clinician.server.passkey.RelyingParty;
import com.advapacs.clinician.server.passkey.UserVerification;
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
    void logDirAppliesToEveryCommand() throws UsageException {
        assertNull(CommandLineParser.parse(List.of()).logDirectory());
        assertEquals(Path.of("/var/log/advapacs"), CommandLineParser.parse(
                List.of("--log-dir", "/var/log/advapacs")).logDirectory());
        assertEquals(Path.of("logs"), CommandLineParser.parse(List.of("--add-user", "a@b.org",
                "--display-name", "Dr A", "--log-dir=logs")).logDirectory());
        assertEquals(Path.of("logs"), CommandLineParser.parse(List.of(
                "--require-mfa-for-organisation", "Org", "--log-dir", "logs")).logDirectory());
        UsageException blank = assertThrows(UsageException.class,
                () -> CommandLineParser.parse(List.of("--log-dir", " ")));
        assertTrue(blank.getMessage().contains("Invalid log folder"), blank.getMessage());
    }

    @Test
    void localhostBindsLoopbackAddress() throws UsageException {
        assertEquals("127.0.0.1",
                CommandLineParser.parse(List.of("--bind", "localhost")).bindAddress());
    }

    @Test
    void passkeyDefaults() throws UsageException {
        PasskeySettings passkeys = CommandLineParser.parse(List.of()).passkeys();
        assertNull(passkeys.rpId());
        assertNull(passkeys.origin());
        assertEquals(UserVerification.PREFERRED, passkeys.userVerification());
        assertEquals(AttestationPreference.NONE, passkeys.attestation());
        RelyingParty resolved = passkeys.resolve(8080);
        assertEquals("localhost", resolved.id());
        assertEquals("http://localhost:8080", resolved.origin());
        assertEquals("AdvaPACS", resolved.name());
    }

    @Test
    void parsesPasskeyOptions() throws UsageException {
        PasskeySettings passkeys = CommandLineParser.parse(List.of("--rp-id", "Example.ORG",
                "--origin=HTTPS://portal.example.org:8443", "--user-verification", "required",
                "--attestation", "direct")).passkeys();
        assertEquals("example.org", passkeys.rpId());
        assertEquals("https://portal.example.org:8443", passkeys.origin());
        assertEquals(UserVerification.REQUIRED, passkeys.userVerification());
        assertEquals(AttestationPreference.DIRECT, passkeys.attestation());
        assertEquals("https://portal.example.org:8443", passkeys.resolve(1).origin());
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
        rp id is an address | --rp-id 127.0.0.1 | Invalid RP ID "127.0.0.1"
        rp id with port | --rp-id localhost:8080 | Invalid RP ID "localhost:8080"
        rp id needs origin | --rp-id example.org | needs an origin too
        origin on other domain | --rp-id example.org --origin https://example.com | is not on the RP ID example.org
        origin on localhost only | --origin https://portal.example.org | is not on the RP ID localhost
        origin with path | --origin http://localhost:8080/app | Invalid origin "http://localhost:8080/app"
        origin without scheme | --origin localhost:8080 | Invalid origin "localhost:8080"
        unknown verification | --user-verification always | Invalid user verification "always"
        unknown attestation | --attestation indirect | Invalid attestation "indirect"
        rp id with admin | --add-user a@b.org --display-name X --rp-id example.org | only applies when serving
        """)
    void rejectsInvalidArguments(String name, String args, String expected) {
        UsageException error = assertThrows(UsageException.class,
                () -> CommandLineParser.parse(List.of(args.split(" "))));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
