package cn.jiebang.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A stand-in for challenge-service's token issuer, for the tests of the resource servers: an RS256
 * key whose public half is served as a JWKS over HTTP, and tokens signed with it (or, to be refused,
 * expired, signed with another key, or not signed at all).
 */
public final class TestTokens implements AutoCloseable {

    private static TestTokens shared;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;

    public TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(UTF_8);
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/keys", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One issuer for the whole test JVM, closed at exit. */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = new TestTokens();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-tokens-shutdown"));
        }
        return shared;
    }

    public String jwksUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/keys";
    }

    /** A valid token for one hour: {@code sub} the user, {@code org} its organization, {@code roles}. */
    public String token(String userId, String organizationId, String... roles) {
        return sign(key, claims(userId, organizationId, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    /** Signed by the trusted key, but without {@code exp}: it would never expire, so it must be refused. */
    public String withoutExpiry(String userId, String organizationId, String... roles) {
        return sign(key, new JWTClaimsSet.Builder(claims(userId, organizationId, Instant.now(), roles))
                .expirationTime(null).build());
    }

    public String expired(String userId, String organizationId, String... roles) {
        return sign(key, claims(userId, organizationId, Instant.now().minus(Duration.ofMinutes(5)), roles));
    }

    /** Same key id, same claims, another private key: a forgery. */
    public String signedByAnotherKey(String userId, String organizationId, String... roles) {
        return sign(foreignKey, claims(userId, organizationId, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    public String unsigned(String userId, String organizationId, String... roles) {
        return new PlainJWT(new PlainHeader(), claims(userId, organizationId,
                Instant.now().plus(Duration.ofHours(1)), roles)).serialize();
    }

    /** {@code token} with its payload edited to claim the ADMIN role, the signature left as it was. */
    public static String promotedToAdmin(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8)
                .replaceAll("\"roles\":\\[[^]]*]", "\"roles\":[\"ADMIN\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(UTF_8))
                + "." + parts[2];
    }

    private static JWTClaimsSet claims(String userId, String organizationId, Instant expires, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(userId)
                .claim("org", organizationId)
                .claim("roles", List.of(roles))
                .issuer("challenge-service")
                .issueTime(new Date())
                .expirationTime(Date.from(expires))
                .build();
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
