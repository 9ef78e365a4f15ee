package app.roster.user;

import app.roster.shared.Actor;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The Client Area principal. Its name is the user id, so sessions stay indexed to the user across an
 * email change. Names shown in pages are read fresh from the database, not from here.
 */
public record SignedInUser(long id, String email, String passwordHash, boolean enabled) implements UserDetails, Actor.Principal {

    public static final String ROLE = "ROLE_USER";

    static SignedInUser of(User user) {
        return new SignedInUser(user.id(), user.email().value(), user.passwordHash(), !user.disabled());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return String.valueOf(id);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Actor.Type actorType() {
        return Actor.Type.USER;
    }

    @Override
    public long actorId() {
        return id;
    }

    @Override
    public String actorLabel() {
        return email;
    }

    /** This user acting for themselves, as the use cases take them. */
    public Actor.User actor() {
        return new Actor.User(id, email);
    }

    /** The hash must not travel into the session store. */
    SignedInUser withoutPassword() {
        return new SignedInUser(id, email, null, enabled);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + id + "]";
    }
}
