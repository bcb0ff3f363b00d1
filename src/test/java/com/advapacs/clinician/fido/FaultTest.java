package com.advapacs.clinician.fido;

import static com.advapacs.clinician.fido.CeremonyTest.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig.Touch;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import com.advapacs.clinician.fido.virtual.VirtualDeviceSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void slowTouchStillSucceeds() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.AFTER_DELAY).touchDelay(Duration.ofMillis(350)));
                FidoDevice device = open(key, Duration.ofSeconds(5))) {
            long start = System.nanoTime();

            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), null);

            assertEquals(32, created.credentialId().length);
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(350).toNanos(),
                    "waited for the touch");
            assertTrue(key.keepAlivesSent() >= 2, "keep-alive frames: " + key.keepAlivesSent());
        }
    }

    @Test
    void missingTouchTimesOut() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.NEVER).userActionTimeout(Duration.ofMillis(300)));
                FidoDevice device = open(key, Duration.ofSeconds(5))) {
            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device,
                            registration("zoe").build(), null));

            assertEquals(FidoProblem.TOUCH_TIMEOUT, e.problem());
            assertEquals(0, key.credentialCount());
        }
    }

    @Test
    void clientTimeoutThenReopens() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)));
                FidoDevice device = open(key, Duration.ofMillis(400))) {
            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device,
                            registration("zoe").build(), null));

            assertEquals(FidoProblem.TIMED_OUT, e.problem());
            key.touch();
            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), null);
            assertEquals(32, created.credentialId().length);
            assertEquals(1, key.credentialCount());
        }
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)));
                FidoDevice device = open(key, Duration.ofSeconds(20))) {
            Future<RegistrationResult> pending = executor.submit(() ->
                    RegistrationCeremony.makeCredential(device, registration("zoe").build(),
                            null));
            assertTrue(key.awaitTouchPrompts(1, Duration.ofSeconds(5)));
            long start = System.nanoTime();

            device.cancel();

            FidoException e = CeremonyFailure.of(pending, 5);
            assertEquals(FidoProblem.CANCELLED, e.problem());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
            assertEquals(0, key.credentialCount());
        }
    }

    @Test
    void keyRemovedWhileWaiting() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)));
                FidoDevice device = open(key, Duration.ofSeconds(20))) {
            Future<RegistrationResult> pending = executor.submit(() ->
                    RegistrationCeremony.makeCredential(device, registration("zoe").build(),
                            null));
            assertTrue(key.awaitTouchPrompts(1, Duration.ofSeconds(5)));

            key.unplug();

            FidoException e = CeremonyFailure.of(pending, 5);
            assertEquals(FidoProblem.KEY_REMOVED, e.problem());
            assertTrue(e.userMessage().startsWith("The key was removed"), e.userMessage());
        }
    }

    @Test
    void touchSelectsOneOfTwoKeys() throws Exception {
        AuthenticatorConfig manual = new AuthenticatorConfig().touch(Touch.MANUAL)
                .userActionTimeout(Duration.ofSeconds(20));
        try (VirtualAuthenticator first = new VirtualAuthenticator(manual.product("first"));
                VirtualAuthenticator second = new VirtualAuthenticator(
                        new AuthenticatorConfig().touch(Touch.MANUAL).pin("1234")
                                .userActionTimeout(Duration.ofSeconds(20)).product("second"))) {
            FidoDevices devices = new FidoDevices(List.of(
                    new VirtualDeviceSource().add(first).add(second)));
            TouchSelector selector = new TouchSelector();
            Future<FidoDevice> pending = executor.submit(() ->
                    selector.select(devices.list(), Duration.ofSeconds(10)));
            assertTrue(second.awaitTouchPrompts(1, Duration.ofSeconds(5)));
            assertTrue(first.awaitTouchPrompts(1, Duration.ofSeconds(5)));

            second.touch();

            try (FidoDevice chosen = pending.get(5, TimeUnit.SECONDS)) {
                assertEquals("second", chosen.info().product());
                assertEquals(8, PinManager.retries(chosen), "touch probe spent no PIN retry");
            }
        }
    }

    @Test
    void touchSelectionCancelled() throws Exception {
        try (VirtualAuthenticator first = new VirtualAuthenticator(manualTouch());
                VirtualAuthenticator second = new VirtualAuthenticator(manualTouch())) {
            List<DeviceEntry> entries = new VirtualDeviceSource().add(first).add(second)
                    .devices();
            TouchSelector selector = new TouchSelector();
            Future<FidoDevice> pending = executor.submit(() ->
                    selector.select(entries, Duration.ofSeconds(10)));
            assertTrue(second.awaitTouchPrompts(1, Duration.ofSeconds(5)));

            selector.cancel();

            assertEquals(FidoProblem.CANCELLED, CeremonyFailure.of(pending, 5).problem());
        }
    }

    private static AuthenticatorConfig manualTouch() {
        return new AuthenticatorConfig().touch(Touch.MANUAL)
                .userActionTimeout(Duration.ofSeconds(20));
    }

    private static FidoDevice open(VirtualAuthenticator key, Duration timeout)
            throws FidoException {
        return FidoDevice.open(DeviceInfoTest.single(key), timeout);
    }

}
