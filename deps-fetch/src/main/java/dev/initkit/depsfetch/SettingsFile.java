package dev.initkit.depsfetch;

import dev.initkit.common.cli.OptionFiles;
import dev.initkit.common.cli.Secret;
import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What deps-fetch takes from a Maven settings.xml: servers (credentials and HTTP headers by
 * repository or mirror id), mirrors, the first active proxy, and the repositories of the active
 * profiles. Encrypted passwords ({@code {...}}) are refused: they need the user's
 * settings-security.xml, which has no place in a Pod.
 *
 * @param servers credentials by server id
 * @param mirrors the mirrors, in file order
 * @param proxy the first active proxy
 * @param repositories the repositories of the active profiles, in file order, without credentials
 *     (the servers give them by id, as to every repository)
 */
public record SettingsFile(
    Map<String, Credentials> servers,
    List<Mirror> mirrors,
    Optional<ProxyServer> proxy,
    List<Repository> repositories) {

  public static final SettingsFile NONE =
      new SettingsFile(Map.of(), List.of(), Optional.empty(), List.of());

  public SettingsFile {
    servers = Map.copyOf(servers);
    mirrors = List.copyOf(mirrors);
    repositories = List.copyOf(repositories);
  }

  /**
   * Reads {@code file}; {@code secrets} hears of every password and header value, for redaction.
   *
   * @throws UsageException when the file cannot be read or says something deps-fetch cannot do
   */
  public static SettingsFile read(Path file, Consumer<String> secrets) throws UsageException {
    Document document;
    try (InputStream in = Files.newInputStream(file)) {
      document = parser().parse(in);
    } catch (IOException e) {
      throw OptionFiles.cannotRead("--settings", file, e);
    } catch (SAXException e) {
      throw new UsageException(
          "--settings " + file + " is not well-formed XML: " + e.getMessage(), e);
    }
    Element root = document.getDocumentElement();
    Map<String, Credentials> servers = new LinkedHashMap<>();
    for (Element server : children(child(root, "servers"), "server")) {
      String id = text(server, "id").orElseThrow(() -> missing(file, "server", "id"));
      servers.put(id, credentials(file, id, server, secrets));
    }
    List<Mirror> mirrors = new ArrayList<>();
    for (Element mirror : children(child(root, "mirrors"), "mirror")) {
      String id = text(mirror, "id").orElseThrow(() -> missing(file, "mirror", "id"));
      String url = text(mirror, "url").orElseThrow(() -> missing(file, "mirror " + id, "url"));
      String mirrorOf =
          text(mirror, "mirrorOf").orElseThrow(() -> missing(file, "mirror " + id, "mirrorOf"));
      mirrors.add(
          new Mirror(id, uri(file, url), mirrorOf, servers.getOrDefault(id, Credentials.NONE)));
    }
    Optional<ProxyServer> proxy = Optional.empty();
    for (Element element : children(child(root, "proxies"), "proxy")) {
      if (text(element, "active").map("false"::equalsIgnoreCase).orElse(false)) {
        continue;
      }
      String host = text(element, "host").orElseThrow(() -> missing(file, "proxy", "host"));
      int port;
      try {
        port = Integer.parseInt(text(element, "port").orElse("8080"));
      } catch (NumberFormatException e) {
        throw new UsageException("--settings " + file + ": proxy port is not a number", e);
      }
      Secret password = text(element, "password").map(p -> secret(file, p, secrets)).orElse(null);
      proxy =
          Optional.of(
              new ProxyServer(
                  text(element, "protocol").orElse("http"),
                  host,
                  port,
                  text(element, "username").orElse(null),
                  password,
                  text(element, "nonProxyHosts").orElse("")));
      break;
    }
    return new SettingsFile(servers, mirrors, proxy, profileRepositories(file, root));
  }

  /**
   * The repositories of the active profiles, as Maven picks them: the profiles named in {@code
   * <activeProfiles>}, or else those marked {@code <activeByDefault>} (Maven drops those as soon as
   * another profile is active). Other activation conditions (JDK, OS, property, file) are not
   * evaluated: such a profile is active only when {@code <activeProfiles>} names it. A name in
   * {@code <activeProfiles>} that no profile has is ignored, as Maven only warns about it.
   */
  private static List<Repository> profileRepositories(Path file, Element root)
      throws UsageException {
    List<String> named = new ArrayList<>();
    for (Element active : children(child(root, "activeProfiles"), "activeProfile")) {
      named.add(active.getTextContent().strip());
    }
    List<Element> profiles = children(child(root, "profiles"), "profile");
    List<Element> active = new ArrayList<>();
    for (Element profile : profiles) {
      if (text(profile, "id").filter(named::contains).isPresent()) {
        active.add(profile);
      }
    }
    if (active.isEmpty()) {
      for (Element profile : profiles) {
        Element activation = child(profile, "activation");
        if (text(activation, "activeByDefault").map("true"::equalsIgnoreCase).orElse(false)) {
          active.add(profile);
        }
      }
    }
    Map<String, Repository> byId = new LinkedHashMap<>();
    for (Element profile : active) {
      String profileId = text(profile, "id").orElse("(no id)");
      for (Element repository : children(child(profile, "repositories"), "repository")) {
        String where = "profile " + profileId + " repository";
        String id = text(repository, "id").orElseThrow(() -> missing(file, where, "id"));
        String url =
            text(repository, "url").orElseThrow(() -> missing(file, where + " " + id, "url"));
        // One repository per id: the first active profile that declares it.
        byId.putIfAbsent(id, new Repository(id, uri(file, url), Credentials.NONE));
      }
    }
    return List.copyOf(byId.values());
  }

  private static Credentials credentials(
      Path file, String id, Element server, Consumer<String> secrets) throws UsageException {
    Optional<String> username = text(server, "username");
    Optional<String> password = text(server, "password");
    if (password.isPresent() && password.get().startsWith("{") && password.get().endsWith("}")) {
      throw new UsageException(
          "--settings "
              + file
              + ": server "
              + id
              + " has an encrypted password; give it in clear text from a Secret, or use "
              + "--repository-password-file");
    }
    password.ifPresent(secrets);
    Element headers = child(child(server, "configuration"), "httpHeaders");
    for (Element property : children(headers, "property")) {
      Optional<String> name = text(property, "name");
      Optional<String> value = text(property, "value");
      if (name.isPresent() && value.isPresent()) {
        secrets.accept(value.get());
        return Credentials.header(name.get(), new Secret(value.get()));
      }
    }
    return new Credentials(
        username.orElse(null),
        password.map(Secret::new).orElse(null),
        null,
        Credentials.DEFAULT_TOKEN_HEADER);
  }

  private static Secret secret(Path file, String password, Consumer<String> secrets) {
    secrets.accept(password);
    return new Secret(password);
  }

  private static UsageException missing(Path file, String what, String element) {
    return new UsageException("--settings " + file + ": a " + what + " lacks <" + element + ">");
  }

  private static URI uri(Path file, String url) throws UsageException {
    try {
      URI uri = new URI(url);
      if (uri.getRawUserInfo() != null) {
        throw new UsageException(
            "--settings " + file + ": put no credentials in a repository URL; use a <server>");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--settings " + file + ": '" + url + "' is not a URL", e);
    }
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // No DTDs, no external entities: a settings file never needs them.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    if (parent == null) {
      return result;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        result.add(e);
      }
    }
    return result;
  }

  private static Optional<String> text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null
        ? Optional.empty()
        : Optional.of(element.getTextContent().strip()).filter(t -> !t.isEmpty());
  }
}
