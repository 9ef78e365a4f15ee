package app.roster.membership.web;

import app.roster.membership.MembershipRefused;
import app.roster.membership.PermissionCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change the rules refuse answers 403 with the rule's reason; an unknown permission key or a permissions form
 * with a field missing 400. The pages never send such requests, so these are crafted, and they change nothing.
 */
@ControllerAdvice
class MembershipErrorAdvice {

    @ExceptionHandler(MembershipRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(MembershipRefused refused, Model model) {
        model.addAttribute("reason", refused.messageKey());
        return "error/403";
    }

    @ExceptionHandler(PermissionCatalogue.UnknownPermission.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unknownPermission() {
        return "error/400";
    }

    @ExceptionHandler(PermissionsForm.Incomplete.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String incompleteForm(Model model) {
        model.addAttribute("reason", "permissions.incomplete");
        return "error/400";
    }
}
