package org.opengms.cluster;

/**
 * One node on its own database (H2, file or memory): there is nobody to tell, so nothing is sent
 * and callers skip the work signals would need ({@link #othersListening()} is false).
 */
final class SingleNodeSignals implements ClusterSignals {

  @Override
  public void send(Signal.Topic topic, String id) {
    // no other node
  }

  @Override
  public boolean othersListening() {
    return false;
  }
}
