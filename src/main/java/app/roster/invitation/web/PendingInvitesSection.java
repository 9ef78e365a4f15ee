package app.roster.invitation.web;

import app.roster.membership.PermissionCatalogue;
import app.roster.membership.web.PermissionPicker;
import app.roster.shared.CurrentAccount;
import app.roster.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Adds "Invite New User" (the short form: an address and the permissions, posting to {@link InviteController})
 * and "Pending Invites" to the User Management page. The membership module renders that page but must not
 * depend on invitations (they depend on memberships), so the section is added here, after its controller ran.
 */
@Component
class PendingInvitesSection implements HandlerInterceptor {

    static final String USER_MANAGEMENT_VIEW = "membership/users";

    private final PendingInvites pendingInvites;
    private final PermissionPicker picker;

    PendingInvitesSection(PendingInvites pendingInvites, PermissionPicker picker) {
        this.pendingInvites = pendingInvites;
        this.picker = picker;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view != null && USER_MANAGEMENT_VIEW.equals(view.getViewName())
                && view.getModelMap().get("account") instanceof CurrentAccount current
                && current.may(PermissionCatalogue.USERS)) {
            pendingInvites.addTo(view.getModelMap(), current,
                    PendingInvites.page(request.getParameter("invitesPage")));
            InviteForm form = InviteForm.in(Language.closest(RequestContextUtils.getLocale(request)));
            ExtendedModelMap pickerModel = new ExtendedModelMap();
            picker.show(current, form, pickerModel);
            view.getModelMap().addAllAttributes(pickerModel);
            view.getModelMap().addAttribute("inviteForm", form);
        }
    }
}
