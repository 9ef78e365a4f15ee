package app.roster.user;

import java.util.List;

/**
 * Words a user's password must not be made of beyond their own name and address, such as the names of the
 * client accounts they belong to, supplied by the modules that know them.
 */
public interface PasswordContext {

    List<String> wordsFor(long userId);
}
