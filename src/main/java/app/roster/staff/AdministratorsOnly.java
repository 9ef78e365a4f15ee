package app.roster.staff;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On a GET handler that shows a form for a change: Support staff get 403 for the page as they do for the
 * POST (which {@link app.roster.staff.web.AdminAreaSecurity} refuses by URL for every change outside its short
 * Support list).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('" + SignedInStaff.ADMINISTRATOR + "')")
public @interface AdministratorsOnly {
}
