package com.advapacs.clinician.server;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.ApiException;
import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonErrorHandler;
import com.advapacs.clinician.server.http.JsonResponder;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin application: routes, error mapping and response headers. */
final class PortalHttp {
    private static final Logger LOG = LoggerFactory.getLogger(PortalHttp.class);
    private static final String OPENAPI_RESOURCE = "server/openapi.yaml";
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private PortalHttp() {
    }

    static Javalin create(PortalServices services) {
        JsonResponder responder = services.responder();
        byte[] openApi = readResource(OPENAPI_RESOURCE);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(
                    server -> server.setErrorHandler(new JsonErrorHandler(services.codec())));
            config.requestLogger.http((ctx, millis) -> LOG.debug("{} {} -> {} in {} ms",
                    ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis)));
            JavalinDefaultRoutingApi routes = config.routes;
            routes.before(PortalHttp::addCommonHeaders);
            routes.beforeMatched("/api/*", PortalHttp::rejectNonJsonBodies);
            routes.get("/api/v1/health", ctx -> responder.respond(ctx, 200,
                    Map.of("status", "ok", "version", PortalVersion.current())));
            routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml")
                    .result(openApi));
            services.register(routes);
            registerErrors(routes, responder);
        });
    }

    private static void addCommonHeaders(Context ctx) {
        // Responses carry tokens and patient data, so no cache may keep them.
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /**
     * Rejects a non-JSON body before the session, password or any state is looked at, so a
     * form or text/plain post from a web page cannot use up sign-in attempts.
     */
    private static void rejectNonJsonBodies(Context ctx) {
        if (BODY_METHODS.contains(ctx.method().name())) {
            JsonBodyReader.rejectNonJson(ctx);
        }
    }

    private static void registerErrors(JavalinDefaultRoutingApi routes, JsonResponder responder) {
        routes.exception(ApiException.class, (e, ctx) -> {
            LOG.debug("Rejected {} {} with {} {}", ctx.method(), ctx.path(), e.status(),
                    e.code());
            responder.error(ctx, e);
        });
        routes.exception(NotFoundResponse.class,
                (e, ctx) -> responder.error(ctx, ApiErrors.notFound()));
        routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> responder.error(ctx,
                ApiErrors.methodNotAllowed(ctx.method().name())));
        routes.exception(HttpResponseException.class,
                (e, ctx) -> responder.error(ctx, ApiErrors.forStatus(e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error for {} {}", ctx.method(), ctx.path(), e);
            responder.error(ctx, ApiErrors.serverError());
        });
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = PortalHttp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
        }
    }
}
