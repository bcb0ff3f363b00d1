package com.advapacs.clinician.server.http;

import com.advapacs.clinician.server.store.SessionRecord;
import io.javalin.http.Context;

/** Request handler that runs only after a session was checked. */
@FunctionalInterface
public interface AuthenticatedHandler {
    void handle(Context ctx, SessionRecord session) throws Exception;
}
