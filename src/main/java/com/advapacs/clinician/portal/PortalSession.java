package com.advapacs.clinician.portal;

/**
 * A signed-in user's connection to the portal: the client, the current session and who it
 * belongs to. The session is replaced when the portal upgrades a restricted session.
 */
public final class PortalSession {

    private final PortalClient client;
    private final String email;
    private final String displayName;
    private volatile Session session;

    public PortalSession(PortalClient client, Session session, String email, String displayName) {
        this.client = client;
        this.session = session;
        this.email = email;
        this.displayName = displayName;
    }

    public PortalClient client() {
        return client;
    }

    public Session session() {
        return session;
    }

    public void replaceSession(Session replacement) {
        this.session = replacement;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }
}
