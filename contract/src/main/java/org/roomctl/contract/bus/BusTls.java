package org.roomctl.contract.bus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS to the broker: trust the system's CAs, or exactly the CA certificates in a PEM file. */
public final class BusTls {
    private BusTls() {}

    /** Trusts the JVM's default CA certificates. */
    public static SocketFactory systemTrust() {
        return SSLContextHolder.system();
    }

    /**
     * Trusts the CA certificates in {@code pemFile} (for a broker with a private CA).
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static SocketFactory trusting(Path pemFile) throws IOException {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException(pemFile + ": no certificates in this file");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException(pemFile + ": not a usable PEM CA certificate: " + e.getMessage(), e);
        }
    }

    private static final class SSLContextHolder {
        static SocketFactory system() {
            try {
                return SSLContext.getDefault().getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM has no default TLS context", e);
            }
        }
    }
}
