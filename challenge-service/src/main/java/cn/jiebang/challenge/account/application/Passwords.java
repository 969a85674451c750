package cn.jiebang.challenge.account.application;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Password hashes: BCrypt (salted, deliberately slow) from Spring Security's crypto module. The
 * cost is configurable so tests can go fast; production keeps at least the default of 12.
 */
@Singleton
public class Passwords {

    /** Compared against when the e-mail is unknown, so timing does not reveal which accounts exist. */
    private final String decoy;
    private final BCryptPasswordEncoder encoder;

    Passwords(@Value("${jiebang.passwords.bcrypt-strength:12}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.decoy = encoder.encode("decoy password for unknown accounts");
    }

    /** BCrypt reads at most 72 bytes; a longer password would be cut silently (or refused by the encoder). */
    static final int MAX_BYTES = 72;

    public String hash(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new PasswordTooLong();
        }
        return encoder.encode(password);
    }

    public static class PasswordTooLong extends DomainProblem {
        PasswordTooLong() {
            super(Kind.REJECTED, "password-too-long", "a password may have at most " + MAX_BYTES
                    + " bytes in UTF-8 (72 ASCII characters, 24 Chinese characters)",
                    List.of(new FieldProblem("password", "at most " + MAX_BYTES + " bytes in UTF-8")));
        }
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    public void spendTimeAsIfChecking(String password) {
        encoder.matches(password, decoy);
    }
}
