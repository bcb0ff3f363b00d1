package com.advapacs.clinician.server.admin;

import com.advapacs.clinician.server.auth.PasswordHasher;
import com.advapacs.clinician.server.http.RequestFields;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.OrganisationStore;
import com.advapacs.clinician.server.store.StudyRecord;
import com.advapacs.clinician.server.store.StudyStore;
import com.advapacs.clinician.server.store.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Account administration used by the command line, the demo portal and tests. */
public final class PortalAdministration {
    /** Minimum password length for a new account, in characters. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_NAME_LENGTH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(PortalAdministration.class);

    private final Database database;
    private final UserStore users = new UserStore();
    private final OrganisationStore organisations = new OrganisationStore();
    private final StudyStore studies = new StudyStore();
    private final PasswordHasher hasher;
    private final Clock clock;

    public PortalAdministration(Database database, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates a clinician account. An organisation that does not exist yet is created without
     * an MFA requirement.
     *
     * @return the new user id
     * @throws IllegalArgumentException for an invalid or already used email, a blank name or
     *     a password outside 12..1024 characters. The message names the value and the fix.
     */
    public long addUser(String email, String displayName, String organisation,
            boolean requireMfa, String password) {
        validateEmail(email);
        validateName("display name", displayName);
        if (organisation != null) {
            validateName("organisation", organisation);
        }
        if (password.length() < MIN_PASSWORD_LENGTH
                || password.length() > RequestFields.MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must be " + MIN_PASSWORD_LENGTH
                    + " to " + RequestFields.MAX_PASSWORD_LENGTH + " characters long.");
        }
        String hash = hasher.hash(password);
        long id = database.transaction(connection -> {
            if (users.findByEmail(connection, email).isPresent()) {
                throw new IllegalArgumentException("A user with the email " + email
                        + " already exists. Choose another email.");
            }
            if (organisation != null) {
                organisations.ensureExists(connection, organisation);
            }
            return users.insert(connection, email, displayName, organisation, requireMfa, hash,
                    clock.instant());
        });
        LOG.info("Added user {}", id);
        return id;
    }

    /** Sets whether every member of {@code organisation} must use MFA, creating it if needed. */
    public void setOrganisationMfaRequired(String organisation, boolean required) {
        validateName("organisation", organisation);
        database.transaction(connection -> {
            organisations.setMfaRequired(connection, organisation, required);
            return null;
        });
        LOG.info("Organisation MFA requirement set to {}", required);
    }

    /** Returns the names of the organisations that at least one user belongs to, sorted. */
    public List<String> organisationsWithMembers() {
        return database.transaction(organisations::listWithMembers);
    }

    /** Returns the id of the user with {@code email}, ignoring case. */
    public Optional<Long> findUserId(String email) {
        return database.transaction(c -> users.findByEmail(c, email).map(user -> user.id()));
    }

    /** Shares a study with the user. */
    public void addStudy(long userId, StudyRecord study) {
        database.transaction(connection -> {
            studies.insert(connection, userId, study);
            return null;
        });
    }

    private static void validateEmail(String email) {
        int at = email.indexOf('@');
        if (email.length() > RequestFields.MAX_EMAIL_LENGTH || at < 1
                || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Invalid email \"" + email
                    + "\": use an address like name@example.org of at most "
                    + RequestFields.MAX_EMAIL_LENGTH + " characters.");
        }
    }

    private static void validateName(String fieldName, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Invalid " + fieldName + " \"" + value
                    + "\": use 1 to " + MAX_NAME_LENGTH + " printable characters.");
        }
    }
}
