package cn.jiebang.web;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;

/**
 * Refuses to start a service that could not check a token's signature: with no key and no JWKS URL,
 * Micronaut Security accepts unsigned ({@code alg: none}) tokens.
 */
@Context
class TokenValidationGuard {

    TokenValidationGuard(BeanContext context) {
        if (context.getBeansOfType(SignatureConfiguration.class).isEmpty()
                && context.getBeansOfType(JwksSignatureConfiguration.class).isEmpty()) {
            throw new ConfigurationException("no way to verify token signatures: set "
                    + "micronaut.security.token.jwt.signatures.jwks.<name>.url (JIEBANG_JWKS_URL) or a signing key");
        }
    }
}
