package app.roster.admin.web;

import app.roster.membership.UserDirectory;
import app.roster.shared.Actor;
import app.roster.staff.AdministratorsOnly;
import app.roster.user.DeleteUser;
import app.roster.user.User;
import app.roster.user.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff delete a user who belongs to no account; otherwise the user page says why not. */
@Controller
class DeleteUserController {

    private static final String DELETE = "/admin/users/{id}/delete";

    private final StaffUsers users;
    private final UserDirectory directory;
    private final DeleteUser deleteUser;

    DeleteUserController(StaffUsers users, UserDirectory directory, DeleteUser deleteUser) {
        this.users = users;
        this.directory = directory;
        this.deleteUser = deleteUser;
    }

    @GetMapping(DELETE)
    @AdministratorsOnly
    String confirm(@PathVariable UserId id, Model model) {
        User user = users.user(id);
        if (directory.countAccounts(user.id()) > 0) {
            return StaffUsers.userPage(user);
        }
        return UserAccessController.confirmation(user, "admin.userDelete", "/admin/users/" + user.id() + "/delete",
                model);
    }

    @PostMapping(DELETE)
    String delete(@PathVariable UserId id, Actor.Staff actor, RedirectAttributes redirect) {
        User user = users.user(id);
        if (!deleteUser.delete(actor, user.id())) {
            redirect.addFlashAttribute("problem", "admin.user.deleteRefused");
            return StaffUsers.userPage(user);
        }
        redirect.addFlashAttribute("notice", "admin.user.deleted");
        redirect.addFlashAttribute("noticeName", user.email().value());
        return "redirect:/admin/users";
    }
}
