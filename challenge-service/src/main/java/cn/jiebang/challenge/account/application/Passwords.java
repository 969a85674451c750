package cn.jiebang.challenge.account.application;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

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

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    public void spendTimeAsIfChecking(String password) {
        encoder.matches(password, decoy);
    }
}
