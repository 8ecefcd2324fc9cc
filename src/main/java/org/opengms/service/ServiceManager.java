package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.storage.FormField;
import org.opengms.storage.StorageService;

/**
 * Creates, finds and ends service instances; their user data goes to a storage area that lives
 * exactly as long as the service.
 */
@Stateless
public class ServiceManager {

  /** Tries at a free access code before giving up (503): codes are short by design. */
  private static final int ACCESS_CODE_ATTEMPTS = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  @EJB StorageService storage;
  @EJB AccessNumberLeases leases;
  @Inject InteractionAccess access;
  @Inject ConfigurationProvider configuration;

  public ServiceSession create(
      ServiceDefinition definition, List<FormField> userData, String gmsUser) {
    return create(definition, userData, gmsUser, Map.of());
  }

  /** A new service; {@code serviceParams} are the request's {@code _...} parameters. */
  public ServiceSession create(
      ServiceDefinition definition,
      List<FormField> userData,
      String gmsUser,
      Map<String, String> serviceParams) {
    Instant now = Instant.now();
    Instant expiresAt = now.plusSeconds(definition.ttlSeconds());
    String storageId = storage.create(expiresAt, userData);
    ServiceSession session =
        new ServiceSession(
            UUID.randomUUID().toString(), definition.name(), storageId, now, expiresAt, gmsUser);
    if (definition.isBuiltin(BuiltinService.REQUEST_INTERACTION)) {
      int length = Integer.parseInt(definition.option("_access_code_length").orElse("4"));
      session.assignAccessCode(freeAccessCode(length));
      session.assignAccessNumber(
          access.number(definition, serviceParams, session.getId(), expiresAt));
    }
    em.persist(session);
    return session;
  }

  /**
   * The service instance of another engine's work item under that item's id (a callback), so the
   * Service API's storage and chat reach it: created with {@code userData} when absent, else kept
   * alive until {@code expiresAt} at least.
   */
  public void openFor(
      String id, String serviceName, Instant expiresAt, String gmsUser, List<FormField> userData) {
    ServiceSession existing = em.find(ServiceSession.class, id);
    if (existing != null) {
      extend(existing, expiresAt);
      return;
    }
    String storageId = storage.create(expiresAt, userData);
    em.persist(new ServiceSession(id, serviceName, storageId, Instant.now(), expiresAt, gmsUser));
  }

  /** Keeps a live service (and its storage) until {@code expiresAt} at least; no-op when gone. */
  public void extend(String id, Instant expiresAt) {
    ServiceSession session = em.find(ServiceSession.class, id);
    if (session != null && !session.isExpiredAt(Instant.now())) {
      extend(session, expiresAt);
    }
  }

  private void extend(ServiceSession session, Instant expiresAt) {
    if (expiresAt.isAfter(session.getExpiresAt())) {
      session.extendTo(expiresAt);
      storage.update(session.getStorageId(), expiresAt, List.of());
    }
  }

  /** A live service, or 404. */
  public ServiceSession find(String id) {
    ServiceSession session = em.find(ServiceSession.class, id);
    if (session == null || session.isExpiredAt(Instant.now())) {
      throw new ResourceNotFoundException("Service " + id + " not found");
    }
    return session;
  }

  /** The live service whose access code is {@code code} (codes are unique among live ones). */
  public Optional<ServiceSession> findByAccessCode(String code) {
    return em.createNamedQuery(ServiceSession.BY_CODE, ServiceSession.class)
        .setParameter("code", code)
        .setParameter("now", Instant.now())
        .getResultStream()
        .findFirst();
  }

  /** Records the number a live interaction's caller dials ({@code request-access}). */
  public void assignAccessNumber(String id, String number) {
    find(id).assignAccessNumber(number);
  }

  /** Ends a live service and its storage; returns the files to delete after commit. */
  public List<String> delete(String id) {
    ServiceSession session = find(id);
    leases.release(id);
    List<String> blobs = new ArrayList<>(storage.delete(session.getStorageId()));
    em.remove(session);
    return blobs;
  }

  /** Deletes up to {@code max} expired services in a transaction of their own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int deleteExpired(int max) {
    List<String> ids =
        em.createNamedQuery(ServiceSession.EXPIRED_IDS, String.class)
            .setParameter("now", Instant.now())
            .setMaxResults(max)
            .getResultList();
    if (!ids.isEmpty()) {
      em.createQuery("delete from ServiceSession s where s.id in :ids")
          .setParameter("ids", ids)
          .executeUpdate();
    }
    return ids.size();
  }

  private String freeAccessCode(int length) {
    for (int attempt = 0; attempt < ACCESS_CODE_ATTEMPTS; attempt++) {
      String code =
          configuration
              .current()
              .get(ServiceCatalog.class)
              .accessCodePrefix()
              .newCode(length, RANDOM);
      long taken =
          em.createNamedQuery(ServiceSession.WITH_CODE, Long.class)
              .setParameter("code", code)
              .getSingleResult();
      if (taken == 0) {
        return code;
      }
    }
    throw new GmsException(
        Response.Status.SERVICE_UNAVAILABLE, "No free access code; try again later");
  }
}
