package org.opengms.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The option names the server reads, per section, so that a misspelt option in a section whose
 * options are a closed set is warned about when the file loads (an unknown option is otherwise
 * ignored without a word). Sections whose option names are the operator's own ({@code [service.*]}
 * with GMS's open-ended {@code _options}, {@code [callback]} which takes any service option, {@code
 * [patterns*]}, {@code [resources.*]}, {@code [tlist.*]}) and the OS attributes of push sections
 * ({@code apple.*}, {@code fcm.*}, {@code gcm.*}) are not checked.
 *
 * <p>A feature that reads a new option adds it here, to {@code server-config/gms.ini} and to {@code
 * docs/configuration.md}; {@code KnownOptionsTest} checks all three against the sources.
 */
public final class KnownOptions {

  /** The APNs and FCM credentials and endpoints of a push provider ({@code [push]} or named). */
  static final Set<String> PROVIDER =
      Set.of(
          "apple.key_file",
          "apple.key",
          "apple.key_id",
          "apple.team_id",
          "apple.topic",
          "apple.url",
          "apple.sandbox_url",
          "apple.trust_store",
          "apple.trust_store_password",
          "fcm.service_account_file",
          "fcm.service_account",
          "fcm.project_id",
          "fcm.url",
          "fcm.token_uri",
          "fcm.trust_store",
          "fcm.trust_store_password");

  /**
   * Closed sections: a name, or a prefix ending in {@code .} for every section that begins with it.
   */
  private static final Map<String, Set<String>> CLOSED = closed();

  /**
   * Options of {@code [service.<name>]} sections the built-in services read (numbered ones written
   * with {@code <n>}). Not used for warnings: GMS services take options of the operator's own.
   */
  public static final Set<String> SERVICE_OPTIONS =
      Set.of(
          "_type",
          "_service",
          "_ttl",
          "username",
          "password",
          // chat services
          "_queue",
          "_on_agent_leave",
          "_chat_idle_timeout",
          "_chat_idle_alert",
          "_chat_file_max_files",
          "_chat_file_max_file_size",
          "_chat_file_max_total_size",
          "_chat_file_types",
          "_chat_file_download_attempts",
          "_chat_file_need_agent",
          "_chat_file_delete",
          "_chat_file_retention",
          // app-to-connect
          "_access_number",
          "_access_code_length",
          "_resource_group",
          // office hours and capacity
          "_bh_regular<n>",
          "_bh_add<n>",
          "_holiday<n>",
          "_timezone",
          "_capacity_<n>",
          "_capacity_add",
          "_max_capacity",
          // callback
          "_urs_virtual_queue",
          "_request_execution_time_buffer",
          "_request_queue_time_stat",
          "_mandatory_customer_lookup_keys",
          "_reject_future_desired_time",
          "_overwritable_options",
          "_redirect",
          "_ors",
          "_ors_application",
          "_wait_for_user_confirm",
          "_user_confirm",
          "_provide_code",
          "_media_type",
          "_call_direction",
          "_wait_for_agent",
          "_access_code",
          "_chat_service",
          "_agent_ready_threshold",
          "_snooze_duration",
          "_business_hours_service",
          "_capacity_service",
          "_request_time_bucket",
          "_max_request_by_time_bucket",
          "_exceptions",
          "_default_country",
          "_disallow_premium_phone_numbers",
          "_disallow_impossible_phone_numbers",
          "_max_queued_callbacks_per_service",
          "_throttle_request_parameters",
          "_throttle_request_parameters_limit",
          "_throttle_callbacks_per_service_<n>",
          "_throttle_ttl_<n>",
          "_status_notification_attempts",
          "_enable_status_notification",
          "_status_notification_type",
          "_status_notification_target",
          "_callback_events_list",
          "_paused_services_list",
          "_paused_services_id");

  private KnownOptions() {}

  private static Map<String, Set<String>> closed() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put(
        "server",
        Set.of(
            "max_request_bytes",
            "config_check_interval",
            "pattern_match_timeout_ms",
            "trust_forwarded_headers",
            "clock_control",
            "access_code_prefix",
            "username",
            "password"));
    m.put(
        "cors",
        Set.of(
            "allowedOrigins",
            "allowedMethods",
            "allowedHeaders",
            "exposedHeaders",
            "allowCredentials",
            "preflightMaxAge"));
    m.put(
        "storage",
        Set.of(
            "max_keys",
            "max_value_bytes",
            "sweep_interval",
            "sweep_batch",
            "orphan_sweep_interval",
            "orphan_grace",
            "group_commit"));
    m.put(
        "cometd",
        Set.of(
            "timeout",
            "max_interval",
            "max_lazy_timeout",
            "max_queue",
            "max_message_bytes",
            "max_sessions",
            "max_sessions_per_user"));
    m.put(
        "chat",
        Set.of(
            "max_message_bytes",
            "on_agent_leave",
            "idle_timeout",
            "idle_alert",
            "alias",
            "file_max_files",
            "file_max_file_size",
            "file_max_total_size",
            "file_types",
            "file_download_attempts",
            "file_need_agent",
            "file_delete",
            "file_retention",
            "file_sweep_interval"));
    Set<String> push =
        Set.of(
            "pushEnabled",
            "defaultSubscriptionExpiration",
            "publish_timeout",
            "retry_max_attempts",
            "retry_initial_delay",
            "httpcb_signing_secret",
            "outbound_allow",
            "localization_file");
    m.put("push", union(push, PROVIDER));
    m.put("push.provider.", PROVIDER);
    m.put("ors", Set.of("url"));
    m.put("cluster", Set.of("heartbeat_interval", "node_timeout", "forget_after"));
    m.put(
        "gms",
        Set.of(
            "http.connection_timeout",
            "http.socket_timeout",
            "max_connections_per_route",
            "max_connections_total"));
    m.put("statistics", Set.of("internal_networks", "default_handle_time"));
    m.put(
        "security",
        Set.of(
            "max_failed_logins_per_login", "max_failed_logins_per_address", "failed_login_window"));
    m.put("user.", Set.of("password", "roles", "nickname", "max_chats", "queues"));
    return m;
  }

  /** Options of {@code [callback]} itself (it also takes any callback service option). */
  public static final Set<String> CALLBACK_OPTIONS =
      Set.of(
          "scan_interval",
          "scan_batch",
          "submit_attempts",
          "submit_retry_interval",
          "filter-keys",
          "returned-keys",
          "max_queued_callbacks_per_service");

  /** Options of {@code [tlist.<list>.<event>]} transaction lists (besides the listed names). */
  public static final Set<String> TLIST_OPTIONS = Set.of("notify_params");

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  /** Every closed section (name, or prefix ending in {@code .}) and its options. */
  public static Map<String, Set<String>> closedSections() {
    return CLOSED;
  }

  /** The options of {@code section} when they are a closed set; empty when open-ended. */
  public static Optional<Set<String>> of(String section) {
    Set<String> exact = CLOSED.get(section);
    if (exact != null) {
      return Optional.of(exact);
    }
    if (section.startsWith("push.provider.")) {
      String rest = section.substring("push.provider.".length());
      // OS attribute sections: push.provider.event[.<tag>], push.provider.<name>.event[.<tag>]
      if (rest.isEmpty()
          || rest.equals("event")
          || rest.startsWith("event.")
          || rest.contains(".event")) {
        return Optional.empty();
      }
      return Optional.of(CLOSED.get("push.provider."));
    }
    if (section.startsWith("user.")) {
      return Optional.of(CLOSED.get("user."));
    }
    return Optional.empty();
  }
}
