package app.roster.staff.web;

import app.roster.staff.AdminSettings;
import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMembers;
import app.roster.staff.StaffStanding;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every Admin Area request, re-reads the signed-in staff member's row (one primary-key query): a
 * disabled or deleted staff member is logged out at once, a changed role applies at once, and while
 * two-factor is required a staff member without it is sent to enrol before any other page.
 */
final class StaffStandingCheck extends OncePerRequestFilter {

    static final String ENROL_PATH = "/admin/two-factor/setup";
    private static final String[] OPEN_WITHOUT_TWO_FACTOR = {"/admin/two-factor", "/admin/logout", "/admin/login",
        "/admin/setup-password"};

    private final StaffMembers staff;
    private final AdminSettings settings;
    private final SecurityContextRepository contexts;

    StaffStandingCheck(StaffMembers staff, AdminSettings settings, SecurityContextRepository contexts) {
        this.staff = staff;
        this.settings = settings;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInStaff signedIn) {
            Optional<StaffStanding> standing = staff.standing(signedIn.id());
            if (standing.isEmpty()) {
                replace(null, request, response);
            } else {
                SignedInStaff now = standing.get().principal();
                if (now.role() != signedIn.role() || !now.email().equals(signedIn.email())) {
                    replace(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()),
                            request, response);
                }
                if (settings.requireTwoFactor() && !standing.get().twoFactorEnrolled() && !openWithout(request)) {
                    response.sendRedirect(request.getContextPath() + ENROL_PATH);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void replace(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static boolean openWithout(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String open : OPEN_WITHOUT_TWO_FACTOR) {
            if (path.equals(open) || path.startsWith(open + "/")) {
                return true;
            }
        }
        return false;
    }
}
