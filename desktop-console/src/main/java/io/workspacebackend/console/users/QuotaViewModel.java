package io.workspacebackend.console.users;

import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.QuotaText;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserQuota;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The quota editor of one user: what is typed for each value (empty: the server's default), whether
 * it can be saved and why not, and the {@link QuotaOverrides} to send. Also how the users table
 * writes a quota.
 */
final class QuotaViewModel {
  private final User user;
  private final StringProperty sessions = new SimpleStringProperty("");
  private final StringProperty memory = new SimpleStringProperty("");
  private final StringProperty cpus = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
  private final String initialMemory;

  QuotaViewModel(User user) {
    this.user = user;
    QuotaOverrides own = user.quota().overrides();
    sessions.set(own.maxSessions() == null ? "" : own.maxSessions().toString());
    initialMemory = own.maxMemoryBytes() == null ? "" : QuotaText.bytes(own.maxMemoryBytes());
    memory.set(initialMemory);
    cpus.set(own.maxCpus() == null ? "" : QuotaText.cpus(own.maxCpus()));
    problem.bind(Bindings.createStringBinding(this::describeProblems, sessions, memory, cpus));
    valid.bind(problem.isEmpty());
  }

  User user() {
    return user;
  }

  StringProperty sessionsProperty() {
    return sessions;
  }

  StringProperty memoryProperty() {
    return memory;
  }

  StringProperty cpusProperty() {
    return cpus;
  }

  /** Why the values cannot be saved, one sentence per field; empty when they can. */
  ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** What an empty field stands for: the value the user has now if it is the default. */
  String sessionsPrompt() {
    return prompt(user.quota().overrides().maxSessions(), user.quota().maxSessions(), n -> n);
  }

  String memoryPrompt() {
    return prompt(
        user.quota().overrides().maxMemoryBytes(),
        user.quota().maxMemoryBytes(),
        QuotaViewModel::memoryText);
  }

  String cpusPrompt() {
    return prompt(
        user.quota().overrides().maxCpus(), user.quota().maxCpus(), QuotaViewModel::cpusText);
  }

  /** The values to send, if every field holds one (or is empty, for the default). */
  Optional<QuotaOverrides> result() {
    if (!valid.get()) {
      return Optional.empty();
    }
    return Optional.of(
        new QuotaOverrides(
            QuotaText.parseSessions(sessions.get()).orElse(null),
            memoryBytes().orElse(null),
            QuotaText.parseCpus(cpus.get()).orElse(null)));
  }

  /** Empties every field: all values go back to the server's defaults. */
  void useDefaults() {
    sessions.set("");
    memory.set("");
    cpus.set("");
  }

  // How the users table writes a quota; a value set for the user is marked "(set)".

  static String sessionsCell(UserQuota quota) {
    return quota.maxSessions() + mark(quota.overrides().maxSessions());
  }

  static String memoryCell(UserQuota quota) {
    return memoryText(quota.maxMemoryBytes()) + mark(quota.overrides().maxMemoryBytes());
  }

  static String cpusCell(UserQuota quota) {
    return cpusText(quota.maxCpus()) + mark(quota.overrides().maxCpus());
  }

  private static String memoryText(Long bytes) {
    return bytes == null ? "unlimited" : QuotaText.bytes(bytes);
  }

  private static String cpusText(Double cpus) {
    return cpus == null ? "unlimited" : QuotaText.cpus(cpus);
  }

  private static String mark(Object own) {
    return own == null ? "" : " (set)";
  }

  private static <T> String prompt(T own, T effective, Function<T, Object> text) {
    return own == null ? "default: " + text.apply(effective) : "empty for the default";
  }

  private String describeProblems() {
    List<String> problems = new ArrayList<>();
    if (!sessions.get().isBlank() && QuotaText.parseSessions(sessions.get()).isEmpty()) {
      problems.add("Sessions must be a whole number of 0 or more.");
    }
    if (!memory.get().isBlank() && memoryBytes().isEmpty()) {
      problems.add("Memory must be a size above 0, such as 8g, 512m or 16 GiB.");
    }
    if (!cpus.get().isBlank() && QuotaText.parseCpus(cpus.get()).isEmpty()) {
      problems.add("CPUs must be a number above 0, such as 4 or 1.5.");
    }
    return String.join(" ", problems);
  }

  /**
   * The typed size; the stored value itself while the text is the one shown for it (which may be
   * rounded to two decimals).
   */
  private Optional<Long> memoryBytes() {
    String text = memory.get();
    if (!initialMemory.isEmpty() && Objects.equals(text.strip(), initialMemory)) {
      return Optional.of(user.quota().overrides().maxMemoryBytes());
    }
    return QuotaText.parseBytes(text).filter(bytes -> bytes > 0);
  }
}
