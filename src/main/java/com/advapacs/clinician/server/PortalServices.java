package com.advapacs.clinician.server;

import com.advapacs.clinician.server.account.AccountEndpoints;
import com.advapacs.clinician.server.account.PasskeyRemovalService;
import com.advapacs.clinician.server.account.TotpRemovalService;
import com.advapacs.clinician.server.admin.PortalAdministration;
import com.advapacs.clinician.server.auth.AccountPasswordCheck;
import com.advapacs.clinician.server.auth.PasswordHasher;
import com.advapacs.clinician.server.auth.SignInEndpoints;
import com.advapacs.clinician.server.auth.SignInService;
import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonCodec;
import com.advapacs.clinician.server.http.JsonResponder;
import com.advapacs.clinician.server.http.SessionGuard;
import com.advapacs.clinician.server.page.ClinicianPage;
import com.advapacs.clinician.server.passkey.PasskeyEndpoints;
import com.advapacs.clinician.server.passkey.PasskeyManagement;
import com.advapacs.clinician.server.passkey.PasskeyRegistrationService;
import com.advapacs.clinician.server.passkey.PasskeySignInEndpoints;
import com.advapacs.clinician.server.passkey.PasskeySignInService;
import com.advapacs.clinician.server.passkey.RelyingParty;
import com.advapacs.clinician.server.passkey.WebAuthnVerifier;
import com.advapacs.clinician.server.session.SessionService;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.MfaChallengeStore;
import com.advapacs.clinician.server.store.PasskeyStore;
import com.advapacs.clinician.server.store.SessionStore;
import com.advapacs.clinician.server.store.StudyStore;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.store.WebAuthnCeremonyStore;
import com.advapacs.clinician.server.throttle.InMemoryFailureCounter;
import com.advapacs.clinician.server.totp.EnrolmentEndpoints;
import com.advapacs.clinician.server.totp.FactorCodeChecker;
import com.advapacs.clinician.server.totp.TotpEnrolmentService;
import com.advapacs.clinician.server.totp.TotpGenerator;
import com.advapacs.clinician.server.totp.TotpParameters;
import com.advapacs.clinician.server.totp.TotpVerifier;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Creates the portal's services over one database and registers their endpoints. */
final class PortalServices {
    private final JsonCodec codec = new JsonCodec();
    private final JsonResponder responder;
    private final PortalAdministration administration;
    private final SignInEndpoints signInEndpoints;
    private final EnrolmentEndpoints enrolmentEndpoints;
    private final AccountEndpoints accountEndpoints;
    private final PasskeyEndpoints passkeyEndpoints;
    private final PasskeySignInEndpoints passkeySignInEndpoints;
    private final ClinicianPage clinicianPage;

    /**
     * @param listeningPort the port the portal listens on, read per request for the default
     *     passkey origin
     */
    PortalServices(PortalConfig config, Database database, IntSupplier listeningPort) {
        Clock clock = config.clock();
        SecureRandom random = new SecureRandom();
        UserStore users = new UserStore();
        TotpFactorStore factors = new TotpFactorStore();
        PasskeyStore passkeys = new PasskeyStore();
        MfaChallengeStore mfaChallenges = new MfaChallengeStore();
        WebAuthnCeremonyStore ceremonies = new WebAuthnCeremonyStore();
        InMemoryFailureCounter addressFailures =
                new InMemoryFailureCounter(SignInService.ADDRESS_POLICY, clock);
        Supplier<RelyingParty> relyingParty =
                () -> config.passkeys().resolve(listeningPort.getAsInt());
        WebAuthnVerifier verifier = new WebAuthnVerifier(config.passkeys().attestation());
        PasswordHasher hasher = new PasswordHasher(config.passwordIterations(), random);
        JsonBodyReader reader = new JsonBodyReader(codec);
        responder = new JsonResponder(codec);

        SessionService sessions = new SessionService(database, new SessionStore(), random, clock);
        SessionGuard guard = new SessionGuard(sessions);
        FactorCodeChecker codeChecker = new FactorCodeChecker(factors,
                new TotpVerifier(new TotpGenerator(TotpParameters.PORTAL)), clock);
        AccountPasswordCheck passwordCheck =
                new AccountPasswordCheck(database, users, hasher, clock);
        SignInService signIn = new SignInService(database, users, factors, passkeys,
                mfaChallenges, passwordCheck, hasher, codeChecker, sessions, addressFailures,
                random, clock);
        TotpEnrolmentService enrolments = new TotpEnrolmentService(database, users, factors,
                codeChecker, sessions, random, clock);
        TotpRemovalService removal = new TotpRemovalService(database, users, factors, passkeys,
                codeChecker, passwordCheck);
        PasskeyManagement passkeyManagement = new PasskeyManagement(database, passkeys);
        PasskeyRegistrationService passkeyRegistrations = new PasskeyRegistrationService(
                database, users, passkeys, ceremonies, verifier, relyingParty, sessions, random,
                clock);
        PasskeySignInService passkeySignIn = new PasskeySignInService(database, users, passkeys,
                ceremonies, mfaChallenges, verifier, relyingParty, sessions, addressFailures,
                random, clock);
        PasskeyRemovalService passkeyRemoval = new PasskeyRemovalService(database, users,
                factors, passkeys, codeChecker, passwordCheck);

        administration = new PortalAdministration(database, hasher, clock);
        signInEndpoints = new SignInEndpoints(signIn, sessions, guard, reader, responder);
        enrolmentEndpoints = new EnrolmentEndpoints(enrolments, guard, reader, responder);
        accountEndpoints = new AccountEndpoints(database, users, enrolments, removal,
                passkeyManagement, guard, reader, responder);
        passkeyEndpoints = new PasskeyEndpoints(passkeyRegistrations, passkeyManagement,
                passkeyRemoval, guard, reader, responder);
        passkeySignInEndpoints = new PasskeySignInEndpoints(passkeySignIn, reader, responder);
        clinicianPage = new ClinicianPage(database, users, new StudyStore(), guard);
    }

    JsonCodec codec() {
        return codec;
    }

    JsonResponder responder() {
        return responder;
    }

    PortalAdministration administration() {
        return administration;
    }

    void register(JavalinDefaultRoutingApi routes) {
        signInEndpoints.register(routes);
        enrolmentEndpoints.register(routes);
        accountEndpoints.register(routes);
        passkeyEndpoints.register(routes);
        passkeySignInEndpoints.register(routes);
        clinicianPage.register(routes);
    }
}
