package app.roster.user;

import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds the user for a login form. An unknown or malformed address throws the same exception; Spring
 * Security then hashes a dummy password, so both cost the same time as a wrong password.
 */
@Component
class UserLogins implements UserDetailsService {

    private final Users users;

    UserLogins(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        try {
            return users.findByEmail(EmailAddress.of(email)).map(SignedInUser::of)
                    .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        } catch (InvalidEmailAddressException e) {
            throw new UsernameNotFoundException("Bad credentials");
        }
    }
}
