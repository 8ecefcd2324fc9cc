package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.opengms.expiry.ExpiringData;

/** Expired services (their storage areas expire at the same instant and go with the storage). */
@ApplicationScoped
public class ServiceExpiry implements ExpiringData {

  @EJB ServiceManager services;

  @Override
  public int deleteExpiredBatch(int max) {
    return services.deleteExpired(max);
  }

  @Override
  public String toString() {
    return "services";
  }
}
