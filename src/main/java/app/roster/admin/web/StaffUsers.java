package app.roster.admin.web;

import app.roster.shared.NotFound;
import app.roster.user.User;
import app.roster.user.UserId;
import app.roster.user.Users;
import org.springframework.stereotype.Component;

/** What a user's pages share: the user by the id in the path (unknown: 404), and the way back. */
@Component
class StaffUsers {

    private final Users users;

    StaffUsers(Users users) {
        this.users = users;
    }

    User user(UserId id) {
        return users.findById(id.value()).orElseThrow(NotFound::new);
    }

    static String userPage(User user) {
        return "redirect:/admin/users/" + user.id();
    }
}
