package de.lagebild.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is open to anyone, also without login. Within a tenant path it is still only served
 * for tenants that are public or of which the visitor is a member, unless {@link
 * #evenForNonPublicTenants()} is set.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowPublic {
  boolean evenForNonPublicTenants() default false;
}
