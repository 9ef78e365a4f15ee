package app.roster.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an API route needs, every one of them; {@code @RequiresScope({})} says on purpose that any valid
 * credential may call it. A route under {@code /api} without it answers 500 (closed, not open), and a test walks
 * every route to make sure none lacks it. A missing scope is 403.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresScope {

    Scope[] value();
}
