package app.roster.admin.web;

import app.roster.shared.Actor;
import app.roster.staff.AddStaff;
import app.roster.staff.AdministratorsOnly;
import app.roster.staff.ChangeStaffRole;
import app.roster.staff.DisableStaff;
import app.roster.staff.ResendStaffSetupLink;
import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMember;
import app.roster.staff.StaffMembers;
import app.roster.staff.StaffRefused;
import app.roster.staff.StaffRole;
import app.roster.staff.StaffTwoFactor;
import app.roster.shared.NotFound;
import app.roster.staff.StaffId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff logins, for Administrators only (every page too): the list, "Add staff", and on a staff member's
 * page the role, a new set-password link, disable / enable and a two-factor reset (the last two confirmed).
 */
@Controller
@AdministratorsOnly
class StaffController {

    private static final String MEMBER = "/admin/staff/{id}";

    private final StaffMembers staff;
    private final AddStaff addStaff;
    private final ChangeStaffRole changeRole;
    private final DisableStaff disableStaff;
    private final ResendStaffSetupLink resendSetupLink;
    private final StaffTwoFactor twoFactor;

    StaffController(StaffMembers staff, AddStaff addStaff, ChangeStaffRole changeRole, DisableStaff disableStaff,
            ResendStaffSetupLink resendSetupLink, StaffTwoFactor twoFactor) {
        this.staff = staff;
        this.addStaff = addStaff;
        this.changeRole = changeRole;
        this.disableStaff = disableStaff;
        this.resendSetupLink = resendSetupLink;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/admin/staff")
    String list(@RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("result", staff.list(pageNumber(page)));
        return "admin/staff";
    }

    @GetMapping("/admin/staff/new")
    String addForm(Model model) {
        model.addAttribute("form", StaffForm.empty());
        model.addAttribute("roles", StaffRole.values());
        return "admin/staff-form";
    }

    @PostMapping("/admin/staff")
    String add(StaffForm form, Actor.Staff actor, Model model, RedirectAttributes redirect) {
        try {
            long id = addStaff.add(actor, form.name(), form.email(), form.parsedRole());
            redirect.addFlashAttribute("notice", "admin.staff.added");
            return "redirect:/admin/staff/" + id;
        } catch (StaffRefused refused) {
            model.addAttribute("form", form);
            model.addAttribute("roles", StaffRole.values());
            model.addAttribute("errorField", refused.field());
            model.addAttribute("errorKey", refused.messageKey());
            return "admin/staff-form";
        }
    }

    @GetMapping(MEMBER)
    String show(@PathVariable StaffId id, @AuthenticationPrincipal SignedInStaff me, Model model) {
        model.addAttribute("member", member(id));
        model.addAttribute("me", me.id());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("twoFactorRequired", twoFactor.required());
        return "admin/staff-member";
    }

    @PostMapping(MEMBER + "/role")
    String changeRole(@PathVariable StaffId id, @RequestParam(defaultValue = "") String role,
            Actor.Staff actor, RedirectAttributes redirect) {
        StaffMember member = member(id);
        return refusable(member, redirect, () -> changeRole.change(actor, member.id(), role(role)),
                "admin.staff.roleChanged");
    }

    @PostMapping(MEMBER + "/setup-link")
    String resendSetupLink(@PathVariable StaffId id, Actor.Staff actor, RedirectAttributes redirect) {
        StaffMember member = member(id);
        resendSetupLink.resend(actor, member.id());
        redirect.addFlashAttribute("notice", "admin.staff.setupLinkSent");
        return "redirect:/admin/staff/" + member.id();
    }

    @GetMapping(MEMBER + "/disable")
    String confirmDisable(@PathVariable StaffId id, Model model) {
        return confirmation(member(id), "disable", model);
    }

    @PostMapping(MEMBER + "/disable")
    String disable(@PathVariable StaffId id, Actor.Staff actor, RedirectAttributes redirect) {
        StaffMember member = member(id);
        return refusable(member, redirect, () -> disableStaff.disable(actor, member.id()), "admin.staff.disabled");
    }

    @PostMapping(MEMBER + "/enable")
    String enable(@PathVariable StaffId id, Actor.Staff actor, RedirectAttributes redirect) {
        StaffMember member = member(id);
        return refusable(member, redirect, () -> disableStaff.enable(actor, member.id()), "admin.staff.enabled");
    }

    @GetMapping(MEMBER + "/two-factor-reset")
    String confirmTwoFactorReset(@PathVariable StaffId id, Model model) {
        return confirmation(member(id), "two-factor-reset", model);
    }

    @PostMapping(MEMBER + "/two-factor-reset")
    String resetTwoFactor(@PathVariable StaffId id, Actor.Staff actor, RedirectAttributes redirect) {
        StaffMember member = member(id);
        return refusable(member, redirect, () -> twoFactor.reset(actor, member.id()), "admin.staff.twoFactorReset");
    }

    private String confirmation(StaffMember member, String action, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("action", action);
        return "admin/staff-confirm";
    }

    private static String refusable(StaffMember member, RedirectAttributes redirect, Runnable change, String saved) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", saved);
        } catch (StaffRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/admin/staff/" + member.id();
    }

    private StaffMember member(StaffId id) {
        return staff.findById(id.value()).orElseThrow(NotFound::new);
    }

    static StaffRole role(String role) {
        for (StaffRole known : StaffRole.values()) {
            if (known.name().equals(role)) {
                return known;
            }
        }
        return null;
    }

    private static int pageNumber(String page) {
        try {
            return Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
