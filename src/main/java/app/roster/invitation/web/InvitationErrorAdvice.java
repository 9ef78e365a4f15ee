package app.roster.invitation.web;

import app.roster.invitation.InvitationRefused;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A resend, cancel or edit the rules refuse (the invitation closed meanwhile, too many invitations, a
 * permission the manager lacks) goes back to User Management with the reason; nothing changed.
 */
@ControllerAdvice(assignableTypes = {PendingInvitesController.class, InvitationPermissionsController.class})
class InvitationErrorAdvice {

    @ExceptionHandler(InvitationRefused.class)
    String refused(InvitationRefused refused, HttpServletRequest request) {
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("inviteError", refused.messageKey());
        flash.setTargetRequestPath("/users");
        return "redirect:/users";
    }
}
