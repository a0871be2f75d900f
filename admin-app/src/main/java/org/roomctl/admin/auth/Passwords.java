package org.roomctl.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes: Argon2id (BouncyCastle's implementation) with OWASP's recommended cost
 * (19 MiB, 2 passes, 1 lane), a random 16-byte salt, kept in the usual PHC string form
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so other tools can check them too.
 */
public final class Passwords {
    /** The shortest password accepted. Length beats character rules (NIST SP 800-63B). */
    public static final int MIN_LENGTH = 12;

    public static final int MAX_LENGTH = 256;

    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    /** Checked against when the user does not exist, so a wrong name takes as long as a wrong password. */
    private final String decoy;

    public Passwords() {
        this.decoy = hash("decoy password, never used".toCharArray());
    }

    /** A weak or malformed password, with the reason for the person choosing it. */
    public static final class WeakPasswordException extends IllegalArgumentException {
        public WeakPasswordException(String message) {
            super(message);
        }
    }

    /**
     * Refuses a password that is too short or too long, or that is the user's name.
     *
     * @throws WeakPasswordException saying why
     */
    public static void checkAcceptable(String user, char[] password) {
        if (password.length < MIN_LENGTH) {
            throw new WeakPasswordException("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            throw new WeakPasswordException("the password may have at most " + MAX_LENGTH + " characters");
        }
        if (user != null && new String(password).equalsIgnoreCase(user)) {
            throw new WeakPasswordException("the password must not be the user name");
        }
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; false for anything unreadable. */
    public boolean verify(char[] password, String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (memory > 1 << 20 || iterations > 20 || parallelism > 16) {
            return false; // not ours, and would cost too much to check
        }
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time a check would, for a user that does not exist. */
    public void verifyDecoy(char[] password) {
        verify(password, decoy);
    }

    /** Whether a hash was made with weaker settings than today's and should be made again. */
    public boolean outdated(String encoded) {
        Matcher m = PHC.matcher(encoded);
        return !m.matches() || Integer.parseInt(m.group(1)) < MEMORY_KIB || Integer.parseInt(m.group(2)) < ITERATIONS;
    }

    private static byte[] argon2(char[] password, byte[] salt, int memory, int iterations, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        byte[] bytes = toBytes(password);
        try {
            generator.generateBytes(bytes, out);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return out;
    }

    private static byte[] toBytes(char[] chars) {
        java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return bytes;
    }
}
