package app.roster.admin.web;

import app.roster.shared.NotFound;
import app.roster.user.User;
import app.roster.user.Users;
import org.springframework.stereotype.Component;

/** What a user's pages share: the user by the id in the path (unknown or malformed: 404), and the way back. */
@Component
class StaffUsers {

    private final Users users;

    StaffUsers(Users users) {
        this.users = users;
    }

    User user(String id) {
        try {
            return users.findById(Long.parseLong(id)).orElseThrow(NotFound::new);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    static String userPage(User user) {
        return "redirect:/admin/users/" + user.id();
    }
}
