package app.roster.staff;

import app.roster.shared.Actor;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The Admin Area principal. Its name is prefixed, so it can never be mistaken for a user id in the
 * session index that the Client Area uses to end a user's sessions.
 */
public final class SignedInStaff implements UserDetails, CredentialsContainer, Actor.Principal {

    public static final String ROLE = "ROLE_STAFF";
    /** Held by Administrators only: every change in the Admin Area requires it. */
    public static final String ADMINISTRATOR = "ROLE_STAFF_ADMINISTRATOR";

    private final long id;
    private final String email;
    private final StaffRole role;
    private String passwordHash;

    SignedInStaff(long id, String email, StaffRole role, String passwordHash) {
        this.id = id;
        this.email = email;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public StaffRole role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return role == StaffRole.ADMINISTRATOR
                ? List.of(new SimpleGrantedAuthority(ROLE), new SimpleGrantedAuthority(ADMINISTRATOR))
                : List.of(new SimpleGrantedAuthority(ROLE));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return "staff:" + id;
    }

    /** Called once the password is checked: the hash must not travel into the session store. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public Actor.Type actorType() {
        return Actor.Type.STAFF;
    }

    @Override
    public long actorId() {
        return id;
    }

    @Override
    public String actorLabel() {
        return email;
    }

    @Override
    public String toString() {
        return "SignedInStaff[" + id + "]";
    }
}
