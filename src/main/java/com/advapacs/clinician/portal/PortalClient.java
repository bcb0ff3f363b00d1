package com.advapacs.clinician.portal;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Blocking client for the portal's JSON API. Call it from a background thread.
 *
 * <p>Every failure arrives as a {@link PortalException} built by {@link PortalErrors}. Logs
 * name the endpoint and the outcome only; bodies are never logged because they carry
 * passwords, codes, secrets and tokens.
 */
public final class PortalClient {

    private static final Logger LOG = LoggerFactory.getLogger(PortalClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final PortalAddress address;
    private final OkHttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final boolean proxyConfigured;

    public PortalClient(PortalAddress address, OkHttpClient http) {
        this.address = address;
        this.http = http;
        this.proxyConfigured = usesProxy(http, address);
    }

    /** Creates a client with the system proxy and the JVM's and system's authorities. */
    public static PortalClient create(PortalAddress address) {
        return create(address, ConnectionSettings.SYSTEM);
    }

    /**
     * Creates a client with the time-outs a clinician can wait for at a workstation, the
     * configured proxy and every trusted certificate authority.
     */
    public static PortalClient create(PortalAddress address, ConnectionSettings settings) {
        X509TrustManager trust = TrustedAuthorities.create(settings.extraAuthorities());
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30))
                .followRedirects(false)
                .sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
        if (settings.proxy() != null) {
            http.proxy(settings.proxy());
        }
        return new PortalClient(address, http.build());
    }

    private static SSLContext sslContext(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    public PortalAddress address() {
        return address;
    }

    public SignInResult signInWithPassword(String email, char[] password) throws PortalException {
        JsonNode body = post("api/v1/sign-in/password", null,
                Map.of("email", email, "password", new String(password)));
        return signInResult(body);
    }

    public SignInResult signInWithTotp(String mfaToken, String code) throws PortalException {
        JsonNode body = post("api/v1/sign-in/totp", null, Map.of("mfaToken", mfaToken,
                "code", code));
        return signInResult(body);
    }

    public void signOut(Session session) throws PortalException {
        post("api/v1/sign-out", session, Map.of());
    }

    public Account account(Session session) throws PortalException {
        JsonNode body = send(request("api/v1/me", session).get().build(), "me");
        return new Account(
                body.path("email").asString(),
                body.path("displayName").asString(),
                body.path("organisation").isString() ? body.get("organisation").asString() : null,
                body.path("mfaRequired").asBoolean(false),
                "enrolment".equals(body.path("sessionScope").asString()),
                totpStatus(body.path("totp")),
                passkeyList(body.path("passkeys")));
    }

    public TotpEnrolment startTotpEnrolment(Session session) throws PortalException {
        JsonNode body = post("api/v1/mfa/totp/enrolments", session, Map.of());
        return new TotpEnrolment(
                required(body, "enrolmentId"),
                required(body, "secret"),
                required(body, "otpauthUri"),
                body.path("algorithm").asString("SHA1"),
                body.path("digits").asInt(6),
                body.path("periodSeconds").asInt(30),
                instant(body.path("expiresAt")));
    }

    public TotpConfirmation confirmTotpEnrolment(Session session, String enrolmentId, String code,
            String name) throws PortalException {
        Map<String, Object> fields = name == null || name.isBlank()
                ? Map.of("code", code)
                : Map.of("code", code, "name", name.strip());
        JsonNode body = post("api/v1/mfa/totp/enrolments/" + segment(enrolmentId) + "/confirm",
                session, fields);
        JsonNode sessionNode = body.path("session");
        Session replacement = sessionNode.isObject() ? session(sessionNode) : null;
        return new TotpConfirmation(totpStatus(body.path("totp")), replacement);
    }

    public void abandonTotpEnrolment(Session session, String enrolmentId) throws PortalException {
        Request request = request("api/v1/mfa/totp/enrolments/" + segment(enrolmentId), session)
                .delete().build();
        send(request, "abandon enrolment");
    }

    /**
     * Removes the authenticator app, proven by a current code or the account password.
     * {@code confirmLastMethod} must be true when it is the account's only method.
     */
    public void removeTotp(Session session, String code, char[] password,
            boolean confirmLastMethod) throws PortalException {
        post("api/v1/mfa/totp/remove", session, proof(code, password, confirmLastMethod));
    }

    /** Starts registering a passkey; {@code attachment} is null, platform or cross-platform. */
    public PasskeyCeremony startPasskeyRegistration(Session session, String attachment)
            throws PortalException {
        Map<String, Object> fields = attachment == null
                ? Map.of() : Map.of("authenticatorAttachment", attachment);
        JsonNode body = post("api/v1/mfa/passkeys/registrations", session, fields);
        return new PasskeyCeremony(required(body, "registrationId"), object(body, "publicKey"));
    }

    /** Sends the authenticator's {@code RegistrationResponseJSON} for verification. */
    public PasskeyRegistration finishPasskeyRegistration(Session session, String registrationId,
            JsonNode credential, String name) throws PortalException {
        ObjectNode fields = json.createObjectNode();
        fields.set("credential", credential);
        if (name != null && !name.isBlank()) {
            fields.put("name", name.strip());
        }
        JsonNode body = post("api/v1/mfa/passkeys/registrations/" + segment(registrationId)
                + "/finish", session, fields);
        JsonNode sessionNode = body.path("session");
        return new PasskeyRegistration(passkey(body.path("passkey")),
                sessionNode.isObject() ? session(sessionNode) : null);
    }

    public List<Passkey> passkeys(Session session) throws PortalException {
        JsonNode body = send(request("api/v1/mfa/passkeys", session).get().build(), "passkeys");
        return passkeyList(body.path("passkeys"));
    }

    public Passkey renamePasskey(Session session, String passkeyId, String name)
            throws PortalException {
        RequestBody body = RequestBody.create(
                json.writeValueAsString(Map.of("name", name.strip())), JSON);
        Request request = request("api/v1/mfa/passkeys/" + segment(passkeyId), session)
                .patch(body).build();
        return passkey(send(request, "rename passkey"));
    }

    /** Removes a passkey with the same proof and confirmation rules as the app. */
    public void removePasskey(Session session, String passkeyId, String code, char[] password,
            boolean confirmLastMethod) throws PortalException {
        post("api/v1/mfa/passkeys/" + segment(passkeyId) + "/remove", session,
                proof(code, password, confirmLastMethod));
    }

    /**
     * Starts a sign-in with a passkey: as the second factor after the password when
     * {@code mfaToken} is given, else passwordless with a discoverable credential.
     */
    public PasskeyCeremony startPasskeySignIn(String mfaToken) throws PortalException {
        Map<String, Object> fields = mfaToken == null ? Map.of() : Map.of("mfaToken", mfaToken);
        JsonNode body = post("api/v1/sign-in/passkey/options", null, fields);
        return new PasskeyCeremony(required(body, "assertionId"), object(body, "publicKey"));
    }

    /** Sends the authenticator's {@code AuthenticationResponseJSON} for verification. */
    public SignInResult finishPasskeySignIn(String assertionId, JsonNode credential)
            throws PortalException {
        ObjectNode fields = json.createObjectNode();
        fields.put("assertionId", assertionId);
        fields.set("credential", credential);
        return signInResult(post("api/v1/sign-in/passkey", null, fields));
    }

    private static Map<String, Object> proof(String code, char[] password,
            boolean confirmLastMethod) {
        Map<String, Object> fields = new java.util.HashMap<>();
        if (code != null) {
            fields.put("code", code);
        } else {
            fields.put("password", new String(password));
        }
        if (confirmLastMethod) {
            fields.put("confirmLastMethod", true);
        }
        return fields;
    }

    private List<Passkey> passkeyList(JsonNode array) {
        List<Passkey> passkeys = new ArrayList<>();
        for (JsonNode node : array) {
            passkeys.add(passkey(node));
        }
        return List.copyOf(passkeys);
    }

    private static Passkey passkey(JsonNode node) {
        List<String> transports = new ArrayList<>();
        node.path("transports").forEach(transport -> transports.add(transport.asString()));
        return new Passkey(
                node.path("id").asString(),
                node.path("name").isString() ? node.get("name").asString() : null,
                node.path("model").isString() ? node.get("model").asString() : null,
                node.path("aaguid").isString() ? node.get("aaguid").asString() : null,
                node.path("attachment").asString("cross-platform"),
                List.copyOf(transports),
                instant(node.path("createdAt")),
                instant(node.path("lastUsedAt")),
                node.path("signCountWarning").asBoolean(false));
    }

    private JsonNode object(JsonNode node, String field) throws PortalException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw PortalErrors.unreadable(address.host(), 200,
                    new IllegalStateException("Missing object " + field));
        }
        return value;
    }

    private SignInResult signInResult(JsonNode body) throws PortalException {
        String result = body.path("result").asString("");
        switch (result) {
            case "signed_in":
                return new SignInResult.SignedIn(session(body.path("session")),
                        body.path("user").path("email").asString(),
                        body.path("user").path("displayName").asString());
            case "mfa_required":
                List<String> methods = new ArrayList<>();
                body.path("methods").forEach(method -> methods.add(method.asString()));
                return new SignInResult.MfaRequired(required(body, "mfaToken"),
                        instant(body.path("expiresAt")), List.copyOf(methods));
            case "enrolment_required":
                return new SignInResult.EnrolmentRequired(session(body.path("session")),
                        body.path("user").path("email").asString(),
                        body.path("user").path("displayName").asString());
            default:
                throw PortalErrors.unreadable(address.host(), 200,
                        new IllegalStateException("Unknown sign-in result: " + result));
        }
    }

    private Session session(JsonNode node) throws PortalException {
        return new Session(required(node, "token"), instant(node.path("expiresAt")));
    }

    private static TotpStatus totpStatus(JsonNode node) {
        if (!"active".equals(node.path("state").asString())) {
            return TotpStatus.NONE;
        }
        return new TotpStatus(true,
                node.path("name").isString() ? node.get("name").asString() : null,
                instant(node.path("createdAt")), instant(node.path("lastUsedAt")));
    }

    private static Instant instant(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return Instant.parse(node.asString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private String required(JsonNode node, String field) throws PortalException {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw PortalErrors.unreadable(address.host(), 200,
                    new IllegalStateException("Missing field " + field));
        }
        return value.asString();
    }

    private static String segment(String id) {
        return HttpUrl.parse("http://x/").newBuilder().addPathSegment(id).build()
                .encodedPath().substring(1);
    }

    private JsonNode post(String path, Session session, Object fields)
            throws PortalException {
        RequestBody body = RequestBody.create(json.writeValueAsString(fields), JSON);
        return send(request(path, session).post(body).build(), path);
    }

    private Request.Builder request(String path, Session session) {
        Request.Builder builder = new Request.Builder()
                .url(address.resolve(path))
                .header("Accept", "application/json");
        if (session != null) {
            builder.header("Authorization", "Bearer " + session.token());
        }
        return builder;
    }

    private JsonNode send(Request request, String operation) throws PortalException {
        Call call = http.newCall(request);
        long started = System.nanoTime();
        try (Response response = call.execute()) {
            JsonNode body = readJson(response.body());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (response.isSuccessful()) {
                LOG.debug("Portal {} {} answered {} in {} ms", request.method(),
                        request.url().encodedPath(), response.code(), millis);
                if (body == null && response.code() != 204) {
                    throw PortalErrors.unreadable(address.host(), response.code(), null);
                }
                return body == null ? json.createObjectNode() : body;
            }
            PortalException failure = PortalErrors.fromResponse(response.code(), body,
                    response.header("Retry-After"), address.host());
            LOG.info("Portal {} {} failed with {} {} in {} ms", request.method(),
                    request.url().encodedPath(), response.code(),
                    failure.serverCode().orElse("(no code)"), millis);
            throw failure;
        } catch (IOException e) {
            PortalException failure = PortalErrors.fromIo(e, address.host(), proxyConfigured);
            LOG.warn("Portal {} {} failed: {}", request.method(), request.url().encodedPath(),
                    e.toString());
            throw failure;
        }
    }

    private JsonNode readJson(ResponseBody body) throws IOException {
        MediaType type = body.contentType();
        if (type == null || !"json".equals(type.subtype())) {
            return null;
        }
        BufferedSource source = body.source();
        if (source.request(MAX_RESPONSE_BYTES + 1L)) {
            return null;
        }
        byte[] bytes = source.readByteArray();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean usesProxy(OkHttpClient http, PortalAddress address) {
        if (http.proxy() != null) {
            return http.proxy().type() != Proxy.Type.DIRECT;
        }
        ProxySelector selector = http.proxySelector();
        List<Proxy> proxies = selector == null ? List.of() : selector.select(address.url().uri());
        return proxies.stream().anyMatch(proxy -> proxy.type() != Proxy.Type.DIRECT);
    }
}
