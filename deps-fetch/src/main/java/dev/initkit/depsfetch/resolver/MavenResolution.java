package dev.initkit.depsfetch.resolver;

import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.depsfetch.ArtifactResolution;
import dev.initkit.depsfetch.ChecksumAlgorithm;
import dev.initkit.depsfetch.Coordinates;
import dev.initkit.depsfetch.Credentials;
import dev.initkit.depsfetch.EnvironmentProxy;
import dev.initkit.depsfetch.Exclusion;
import dev.initkit.depsfetch.HttpProxy;
import dev.initkit.depsfetch.Mirror;
import dev.initkit.depsfetch.ProxyServer;
import dev.initkit.depsfetch.Repository;
import dev.initkit.depsfetch.ResolutionException;
import dev.initkit.depsfetch.ResolutionRequest;
import dev.initkit.depsfetch.ResolvedSet;
import dev.initkit.depsfetch.ResolvedSet.RepositoryFile;
import dev.initkit.depsfetch.ResolvedSet.ResolvedArtifact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.RepositorySystemSession.SessionBuilder;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.filter.ScopeDependencyFilter;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;

/**
 * Maven Resolver 2 behind the {@link ArtifactResolution} port, configured to give Maven's own
 * classpath answer: the artifacts are dependencies of a synthetic root, and the result is read in
 * pre-order, as Maven 3 orders a project's classpath.
 *
 * <p>Every attempt gets a fresh session, so nothing a failed attempt learnt (a missing file, a
 * failed transfer) is remembered by the next; failures are never cached in the local repository
 * either. Resolver's own HTTP retries are off: the tool's Retrier decides, with {@link
 * ResolverFailureClassifier}.
 */
public final class MavenResolution implements ArtifactResolution, AutoCloseable {
  private static final Artifact ROOT =
      new DefaultArtifact("dev.initkit.deps-fetch", "request", "pom", "0");

  /** Built on first use: a re-run that finds its result in place never needs it. */
  private RepositorySystem system;

  private final ResolverFailureClassifier classifier = new ResolverFailureClassifier();

  private synchronized RepositorySystem system() {
    if (system == null) {
      system = new ResolverSystemSupplier().get();
    }
    return system;
  }

  @Override
  public FailureClassifier classifier() {
    return classifier;
  }

  @Override
  public ResolvedSet resolve(ResolutionRequest request)
      throws ResolutionException, InterruptedException {
    RepositorySystem system = system();
    Descriptors descriptors = new Descriptors();
    try (CloseableSession session = session(system, request, descriptors)) {
      List<RemoteRepository> repositories =
          system.newResolutionRepositories(session, remoteRepositories(request.repositories()));
      CollectRequest collect = new CollectRequest();
      collect.setRootArtifact(ROOT);
      collect.setRepositories(repositories);
      for (Coordinates coordinates : request.artifacts()) {
        collect.addDependency(dependency(coordinates, request));
      }
      request
          .pinnedVersions()
          .forEach(
              (id, version) ->
                  collect.addManagedDependency(new Dependency(artifact(id + ":" + version), null)));
      DependencyRequest dependencies =
          new DependencyRequest(
              collect, new ScopeDependencyFilter(request.scope().mavenScopes(), null));
      DependencyResult result;
      try {
        result = system.resolveDependencies(session, dependencies);
      } catch (DependencyResolutionException e) {
        throw failure(e);
      } catch (IllegalArgumentException e) {
        // Resolver rejects malformed versions and coordinates it reads from POMs this way.
        throw new ResolutionException(e.getMessage(), e);
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted during the resolution");
      }
      Path localRepository = request.localRepository();
      List<ResolvedArtifact> artifacts = new ArrayList<>();
      for (ArtifactResult artifactResult : result.getArtifactResults()) {
        Artifact artifact = artifactResult.getArtifact();
        artifacts.add(
            new ResolvedArtifact(
                coordinates(artifact),
                artifact.getBaseVersion(),
                artifact.getPath(),
                repositoryPath(localRepository, artifact.getPath()),
                repositoryId(artifactResult.getRepository()),
                request.sharedLocalRepository()
                    ? Optional.empty()
                    : VerifiedChecksum.sha256(artifact.getPath())));
      }
      return new ResolvedSet(artifacts, descriptors.files(localRepository));
    }
  }

  private CloseableSession session(
      RepositorySystem system, ResolutionRequest request, Descriptors descriptors) {
    SessionBuilder builder = new SessionBuilderSupplier(system).get();
    DefaultMirrorSelector mirrors = mirrors(request);
    Properties systemProperties = System.getProperties();
    builder
        .setOffline(request.offline())
        // Only the repositories the user named: none that a POM declares, not even the super
        // POM's Central, so --no-default-repositories and --mirror mean what they say.
        .setIgnoreArtifactDescriptorRepositories(true)
        // Maven's own session cache: without it the model builder keeps no parsed parent POMs or
        // imported BOMs between the POMs it builds, and parses them again for every dependency.
        .setCache(new DefaultRepositoryCache())
        .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
        .setResolutionErrorPolicy(
            new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_DISABLED))
        // POM profiles activate on the JDK and OS as they do in Maven.
        .setSystemProperties(systemProperties)
        .setConfigProperty("aether.system.dependencyVisitor", "preOrder")
        // Tried in order; the first the repository has is verified (Central lacks some).
        .setConfigProperty(
            "aether.checksums.algorithms",
            String.join(
                ",", request.checksums().stream().map(ChecksumAlgorithm::resolverName).toList()))
        .setConfigProperty("aether.connector.basic.threads", request.threads())
        // Breadth-first collection reads POMs in parallel (the depth-first default reads one at a
        // time, a round trip each); it builds the same graph, which MavenComparisonIT checks.
        .setConfigProperty("aether.dependencyCollector.impl", "bf")
        .setConfigProperty("aether.dependencyCollector.bf.threads", request.threads())
        .setConfigProperty("aether.transport.http.retryHandler.count", 0)
        .setConfigProperty("aether.transport.http.retryHandler.serviceUnavailable", "")
        .setConfigProperty("aether.connector.http.useSystemProperties", false)
        // A repository's list of the group prefixes it holds (.meta/prefixes.txt, fetched and
        // parsed once per run) only keeps requests away from a repository that cannot have the
        // artifact; with one repository, that request would find nothing either.
        .setConfigProperty(
            "aether.remoteRepositoryFilter.prefixes",
            effectiveRepositories(request.repositories(), mirrors) > 1)
        .setMirrorSelector(mirrors)
        .setAuthenticationSelector(authentications(request))
        .setRepositoryListener(descriptors)
        .setTransferListener(new Transfers(request.listener()));
    if (request.sharedLocalRepository()) {
      // Pods sharing a cache volume: lock each artifact across processes, by its coordinates.
      builder
          .withLocalRepositoryBaseDirectories(request.localRepository())
          .setConfigProperty("aether.syncContext.named.factory", "file-lock")
          .setConfigProperty("aether.syncContext.named.nameMapper", "file-gav");
    } else {
      // A throwaway repository is this process's alone: in-JVM locks. Resolver's default file
      // locks make parallel collector threads that want one POM poll and sleep 100 ms each time
      // (JFR on the bench fetch: 15 such sleeps, 1.5 s of thread time, mostly on the critical
      // path).
      builder
          .setConfigProperty("aether.syncContext.named.factory", "rwlock-local")
          .setConfigProperty("aether.syncContext.named.nameMapper", "gaecv")
          // Nor does a throwaway repository need to record where each file came from
          // (_remote.repositories, for later runs): only the artifacts and POMs leave it. The
          // checksum files it keeps give the report its SHA-256s (VerifiedChecksum).
          .withLocalRepositories(new LocalRepository(request.localRepository(), "simple"));
    }
    // Expert overrides: -Daether.<key>=<value> in JAVA_TOOL_OPTIONS reaches Resolver unchanged.
    for (String name : systemProperties.stringPropertyNames()) {
      if (name.startsWith("aether.")) {
        builder.setConfigProperty(name, systemProperties.getProperty(name));
      }
    }
    request.proxy().ifPresent(proxy -> builder.setProxySelector(proxySelector(proxy)));
    Map<String, Credentials> credentials = credentials(request);
    credentials.forEach(
        (id, c) ->
            c.tokenHeaderValue()
                .ifPresent(
                    value ->
                        builder.setConfigProperty(
                            "aether.transport.http.headers." + id,
                            Map.of(c.tokenHeader(), value))));
    return builder.build();
  }

  /** Credentials by repository or mirror id. */
  private static Map<String, Credentials> credentials(ResolutionRequest request) {
    Map<String, Credentials> byId = new LinkedHashMap<>();
    request.repositories().forEach(r -> byId.put(r.id(), r.credentials()));
    request.mirrors().forEach(m -> byId.putIfAbsent(m.id(), m.credentials()));
    return byId;
  }

  /** How many repositories the requests go to, once mirrors stand in for those they mirror. */
  private static long effectiveRepositories(
      List<Repository> repositories, DefaultMirrorSelector mirrors) {
    return remoteRepositories(repositories).stream()
        .map(r -> Optional.ofNullable(mirrors.getMirror(r)).orElse(r).getUrl())
        .distinct()
        .count();
  }

  private static DefaultMirrorSelector mirrors(ResolutionRequest request) {
    DefaultMirrorSelector selector = new DefaultMirrorSelector();
    for (Mirror mirror : request.mirrors()) {
      selector.add(
          mirror.id(), mirror.url().toString(), "default", false, false, mirror.mirrorOf(), "*");
    }
    return selector;
  }

  private static DefaultAuthenticationSelector authentications(ResolutionRequest request) {
    DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
    credentials(request).forEach((id, c) -> selector.add(id, authentication(c, request.tls())));
    return selector;
  }

  private static org.eclipse.aether.repository.ProxySelector proxySelector(HttpProxy proxy) {
    // Java 17: no pattern switch over the sealed interface yet.
    if (proxy instanceof EnvironmentProxy environment) {
      return new EnvironmentProxySelector(environment.selector());
    }
    return proxySelector((ProxyServer) proxy);
  }

  private static DefaultProxySelector proxySelector(ProxyServer proxy) {
    AuthenticationBuilder auth = new AuthenticationBuilder();
    if (proxy.username() != null) {
      auth.addUsername(proxy.username());
      if (proxy.password() != null) {
        auth.addPassword(proxy.password().reveal());
      }
    }
    Proxy resolverProxy =
        new Proxy(
            proxy.protocol(),
            proxy.host(),
            proxy.port(),
            proxy.username() == null ? null : auth.build());
    DefaultProxySelector selector = new DefaultProxySelector();
    // Maven applies a proxy to both schemes unless told otherwise; so do we.
    selector.add(resolverProxy, proxy.nonProxyHosts());
    if (!proxy.protocol().equals("https")) {
      selector.add(
          new Proxy("https", proxy.host(), proxy.port(), resolverProxy.getAuthentication()),
          proxy.nonProxyHosts());
    }
    return selector;
  }

  private static List<RemoteRepository> remoteRepositories(List<Repository> repositories) {
    List<RemoteRepository> remote = new ArrayList<>();
    for (Repository repository : repositories) {
      RepositoryPolicy policy =
          new RepositoryPolicy(
              true, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
      remote.add(
          new RemoteRepository.Builder(repository.id(), "default", repository.url().toString())
              .setReleasePolicy(policy)
              .setSnapshotPolicy(policy)
              .build());
    }
    return remote;
  }

  private static Authentication authentication(
      Credentials credentials, java.util.Optional<javax.net.ssl.SSLContext> tls) {
    AuthenticationBuilder builder = new AuthenticationBuilder();
    credentials.user().ifPresent(builder::addUsername);
    credentials.passwordSecret().ifPresent(p -> builder.addPassword(p.reveal()));
    builder.addSslContext(tls.orElse(LazyDefaultTls.CONTEXT));
    return builder.build();
  }

  private static Dependency dependency(Coordinates coordinates, ResolutionRequest request) {
    List<org.eclipse.aether.graph.Exclusion> exclusions = new ArrayList<>();
    if (!request.transitive()) {
      exclusions.add(new org.eclipse.aether.graph.Exclusion("*", "*", "*", "*"));
    }
    for (Exclusion exclude : request.excludes()) {
      exclusions.add(
          new org.eclipse.aether.graph.Exclusion(
              exclude.groupId(), exclude.artifactId(), "*", "*"));
    }
    return new Dependency(artifact(coordinates.toString()), "compile", false, exclusions);
  }

  private static Artifact artifact(String coordinates) {
    // Our order G:A:E[:C]:V is DefaultArtifact's G:A[:E[:C]]:V with the extension always given.
    return new DefaultArtifact(coordinates);
  }

  private static Coordinates coordinates(Artifact artifact) {
    return new Coordinates(
        artifact.getGroupId(),
        artifact.getArtifactId(),
        artifact.getExtension(),
        artifact.getClassifier(),
        artifact.getVersion());
  }

  private static String repositoryPath(Path localRepository, Path file) {
    return localRepository.relativize(file).toString().replace('\\', '/');
  }

  private static String repositoryId(ArtifactRepository repository) {
    return repository == null ? "" : repository.getId();
  }

  private ResolutionException failure(DependencyResolutionException e) {
    ResolutionException failure = new ResolutionException(classifier.describe(e), e);
    DependencyResult result = e.getResult();
    if (result != null) {
      // The cause is the first failure; the classifier must see every one.
      result.getCollectExceptions().stream()
          .filter(c -> c != e.getCause())
          .forEach(failure::addSuppressed);
    }
    return failure;
  }

  @Override
  public synchronized void close() {
    if (system != null) {
      system.shutdown();
    }
  }

  /** Collects every POM resolved on the way, for the repository layout. */
  private static final class Descriptors extends AbstractRepositoryListener {
    private final Map<Path, Boolean> files = Collections.synchronizedMap(new LinkedHashMap<>());

    @Override
    public void artifactResolved(RepositoryEvent event) {
      Artifact artifact = event.getArtifact();
      Path file = event.getPath();
      if (artifact != null && file != null && "pom".equals(artifact.getExtension())) {
        files.put(file, Boolean.TRUE);
      }
    }

    List<RepositoryFile> files(Path localRepository) {
      List<RepositoryFile> result = new ArrayList<>();
      synchronized (files) {
        for (Path file : files.keySet()) {
          if (file.startsWith(localRepository)) {
            result.add(new RepositoryFile(repositoryPath(localRepository, file), file));
          }
        }
      }
      return result;
    }
  }

  /** Forwards download progress to the port's listener. */
  private static final class Transfers extends AbstractTransferListener {
    private final ResolutionRequest.DownloadListener listener;

    Transfers(ResolutionRequest.DownloadListener listener) {
      this.listener = listener;
    }

    @Override
    public void transferProgressed(TransferEvent event) {
      listener.transferred(event.getDataLength());
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
      if (event.getRequestType() == TransferEvent.RequestType.GET) {
        listener.downloaded(event.getResource().getResourceName(), event.getTransferredBytes());
      }
    }
  }
}
