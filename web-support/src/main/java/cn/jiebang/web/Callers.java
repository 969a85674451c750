package cn.jiebang.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/** Reads who is calling from the token's claims: {@code sub} is the user id, {@code org} the organization id. */
public final class Callers {

    public static final String ORGANIZATION_CLAIM = "org";

    private Callers() {
    }

    @Nullable
    public static String organizationOf(@Nullable Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        Object org = authentication.getAttributes().get(ORGANIZATION_CLAIM);
        return org == null ? null : org.toString();
    }

    public static boolean hasRole(@Nullable Authentication authentication, String role) {
        return authentication != null && authentication.getRoles().contains(role);
    }
}
