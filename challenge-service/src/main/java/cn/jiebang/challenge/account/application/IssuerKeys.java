package cn.jiebang.challenge.account.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.endpoints.JwkProvider;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The key challenge-service signs its RS256 tokens with; it also verifies them locally and publishes
 * the public half at {@code /keys} (JWKS) for the other services. The key comes from
 * {@code jiebang.auth.signing-key-pem} (PKCS#8 PEM, the same for every instance); without it a fresh
 * key is generated at start-up, good for one local instance only: its tokens die with it.
 */
@Singleton
@Requires(property = IssuerKeys.ENABLED, notEquals = "false")
@Named("generator")
public class IssuerKeys implements RSASignatureGeneratorConfiguration, JwkProvider {

    /**
     * {@code false} when an identity provider issues the tokens: no signing key, no {@code /keys}, no
     * {@code POST /api/auth/token}; challenge-service then validates against the provider's JWKS like
     * the other services ({@code micronaut.security.token.jwt.signatures.jwks.<name>.url}).
     */
    public static final String ENABLED = "jiebang.auth.issuer.enabled";

    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeys.class);

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final RSAKey publicJwk;

    IssuerKeys(@Nullable @Value("${jiebang.auth.signing-key-pem:}") String pkcs8Pem) {
        try {
            if (pkcs8Pem == null || pkcs8Pem.isBlank()) {
                LOG.warn("jiebang.auth.signing-key-pem is not set: signing tokens with a key generated at start-up");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                privateKey = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
            } else {
                String base64 = pkcs8Pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
                privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            }
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            RSAKey withoutId = new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            publicJwk = new RSAKey.Builder(withoutId).keyID(withoutId.computeThumbprint().toString()).build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new ConfigurationException("jiebang.auth.signing-key-pem is not a PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        return privateKey;
    }

    @Override
    public JWSAlgorithm getJwsAlgorithm() {
        return JWSAlgorithm.RS256;
    }

    @Override
    public List<JWK> retrieveJsonWebKeys() {
        return List.of(publicJwk);
    }
}
