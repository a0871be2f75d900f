package org.roomctl.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords();

    @Test
    void hashesAreArgon2idWithASaltOfTheirOwn() {
        String a = passwords.hash("correct horse battery".toCharArray());
        String b = passwords.hash("correct horse battery".toCharArray());
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
        assertThat(a).isNotEqualTo(b);
        assertThat(passwords.verify("correct horse battery".toCharArray(), a)).isTrue();
        assertThat(passwords.verify("correct horse battery".toCharArray(), b)).isTrue();
        assertThat(passwords.verify("correct horse batterY".toCharArray(), a)).isFalse();
        assertThat(passwords.outdated(a)).isFalse();
    }

    /** A hash made elsewhere (the reference implementation's test vector) checks here too. */
    @Test
    void readsTheStandardForm() {
        // argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(passwords.verify("password".toCharArray(), reference)).isTrue();
        assertThat(passwords.verify("passwort".toCharArray(), reference)).isFalse();
        assertThat(passwords.outdated(
                        "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))
                .isTrue();
    }

    @Test
    void garbageNeverMatches() {
        assertThat(passwords.verify("x".toCharArray(), null)).isFalse();
        assertThat(passwords.verify("x".toCharArray(), "plain text")).isFalse();
        assertThat(passwords.verify("x".toCharArray(), "$2a$10$abcdefghijklmnopqrstuu"))
                .isFalse();
        assertThat(passwords.verify("x".toCharArray(), "$argon2id$v=19$m=99999999,t=2,p=1$c29tZQ$c29tZQ"))
                .isFalse();
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Passwords.checkAcceptable("bob", "short".toCharArray()))
                .hasMessage("the password must have at least 12 characters");
        assertThatThrownBy(() -> Passwords.checkAcceptable("administrator", "Administrator".toCharArray()))
                .hasMessage("the password must not be the user name");
        Passwords.checkAcceptable("bob", "twelve chars".toCharArray());
    }

    @Test
    void lockingGrowsAndStops() {
        assertThat(Users.lockFor(5)).hasSeconds(30);
        assertThat(Users.lockFor(6)).hasSeconds(60);
        assertThat(Users.lockFor(50)).isEqualTo(Users.MAX_LOCK);
    }
}
