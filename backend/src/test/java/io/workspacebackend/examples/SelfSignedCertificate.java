package io.workspacebackend.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * A certificate made with {@code openssl} where certbot would put one, {@code
 * <live>/<name>/fullchain.pem} and {@code privkey.pem}, so an example's certificate paths change
 * only in their first part.
 */
record SelfSignedCertificate(Path fullchain, Path privkey) {

  /** A certificate named {@code directoryName} in {@code live}, valid for {@code dnsName}. */
  static SelfSignedCertificate create(Path live, String directoryName, String dnsName)
      throws IOException, InterruptedException {
    Path directory = Files.createDirectories(live.resolve(directoryName));
    SelfSignedCertificate certificate =
        new SelfSignedCertificate(
            directory.resolve("fullchain.pem"), directory.resolve("privkey.pem"));
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=" + dnsName,
                "-addext",
                "subjectAltName=DNS:" + dnsName,
                "-keyout",
                certificate.privkey().toString(),
                "-out",
                certificate.fullchain().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
      throw new IllegalStateException("openssl could not make a certificate: " + output);
    }
    return certificate;
  }

  X509Certificate load() throws IOException, GeneralSecurityException {
    return read(fullchain);
  }

  static X509Certificate read(Path pem) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
