package com.medsales.crm.web;

import com.medsales.crm.internal.Contacts;
import com.medsales.crm.internal.RecordStore;
import com.medsales.crm.internal.Timeline;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts: create from a provider in one call ({@code {"npi": ...}}), list, edit, delete and
 * restore, history, time line.
 */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/contacts")
@Tag(name = "CRM: contacts")
class ContactController {

  private final Contacts contacts;
  private final Timeline timeline;
  private final com.medsales.crm.internal.ContactImport imports;

  private final Validator validator;

  ContactController(
      Contacts contacts,
      Timeline timeline,
      com.medsales.crm.internal.ContactImport imports,
      Validator validator) {
    this.contacts = contacts;
    this.timeline = timeline;
    this.imports = imports;
    this.validator = validator;
  }

  record NewContact(
      @Nullable @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String npi,
      @Nullable @Size(max = 100) String firstName,
      @Nullable @Size(max = 100) String lastName,
      @Nullable @Size(max = 200) String title,
      @Nullable @Size(max = 200) String specialty,
      @Nullable @Email @Size(max = 200) String email,
      @Nullable @Size(max = 50) String phone,
      @Nullable @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String zip5,
      @Nullable UUID accountId,
      @Nullable UUID ownerId,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 50) String> tags,
      @Nullable @Size(max = 10000) String notes) {}

  /**
   * The fields a PATCH may change, each optional (null clears it), and the version the client last
   * read.
   */
  record ContactChange(
      @Nullable @Size(max = 100) String firstName,
      @Nullable @Size(max = 100) String lastName,
      @Nullable @Size(max = 200) String title,
      @Nullable @Size(max = 200) String specialty,
      @Nullable @Email @Size(max = 200) String email,
      @Nullable @Size(max = 50) String phone,
      @Nullable @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String zip5,
      @Nullable UUID accountId,
      @Nullable UUID ownerId,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 50) String> tags,
      @Nullable @Size(max = 10000) String notes,
      @NotNull Long version) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Create a contact: {\"npi\": ...} links a provider (nothing of the registry is copied); otherwise give a name")
  Contacts.ContactView create(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewContact c) {
    return contacts.create(
        user,
        new Contacts.NewContact(
            c.npi(),
            c.firstName(),
            c.lastName(),
            c.title(),
            c.specialty(),
            c.email(),
            c.phone(),
            c.zip5(),
            c.accountId(),
            c.ownerId(),
            c.tags(),
            c.notes()));
  }

  @GetMapping
  @Operation(summary = "Contacts I may see, filtered, by last name, in keyset pages")
  Contacts.Page list(
      @RequestParam(required = false) @Size(max = 200) @Nullable String q,
      @RequestParam(required = false) @Size(max = 50) @Nullable String tag,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(required = false) @Nullable UUID accountId,
      @RequestParam(required = false) @Nullable UUID territoryId,
      @RequestParam(required = false) @Nullable String npi,
      @RequestParam(defaultValue = "false") boolean deleted,
      @RequestParam(required = false) @Size(max = 300) @Nullable String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return contacts.list(
        new Contacts.Query(q, tag, ownerId, accountId, territoryId, npi, deleted, cursor, size));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A contact with the provider's current public facts beside the CRM fields")
  Contacts.ContactView find(@PathVariable UUID id) {
    return contacts.find(id, true);
  }

  @PatchMapping("/{id}")
  @Operation(
      summary =
          "Change fields; send the version you read (409 with the current record if it changed since)")
  Contacts.ContactView update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ContactChange.class)))
          @RequestBody
          Map<String, @Nullable Object> body) {
    return contacts.update(
        id, Changes.version(body), Changes.checked(validator, body, ContactChange.class));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete (restorable for 30 days)")
  void delete(@PathVariable UUID id) {
    contacts.delete(id);
  }

  @PostMapping("/{id}/restore")
  @Operation(summary = "Restore a contact deleted in the last 30 days")
  Contacts.ContactView restore(@PathVariable UUID id) {
    return contacts.restore(id);
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Who changed which field, from what, to what")
  List<RecordStore.Change> history(@PathVariable UUID id) {
    return contacts.history(id);
  }

  @GetMapping("/{id}/timeline")
  @Operation(summary = "CRM activity and public-data events, newest first")
  List<Timeline.Event> timeline(
      @PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return timeline.ofContact(id, size);
  }

  record ImportFile(
      @jakarta.validation.constraints.NotBlank @Size(max = 5_000_000) String csv,
      @Nullable @Size(max = 5_000)
          Map<@Size(max = 10) String, @NotNull @Size(max = 10) String> decisions) {}

  @PostMapping("/import/preview")
  @Operation(
      summary =
          "Preview a CSV import: each row matched to a provider with a confidence (MATCHED, REVIEW, UNMATCHED, DUPLICATE)")
  com.medsales.crm.internal.ContactImport.Preview previewImport(
      @Valid @RequestBody ImportFile file) {
    return imports.preview(file.csv());
  }

  @PostMapping("/import")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Import the CSV; decisions settle REVIEW rows by line (an NPI, or \"none\")")
  com.medsales.crm.internal.ContactImport.Result applyImport(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody ImportFile file) {
    return imports.apply(user, file.csv(), file.decisions() == null ? Map.of() : file.decisions());
  }

  record Bulk(
      @NotEmpty @Size(max = 500) List<@NotNull UUID> ids,
      @Nullable UUID ownerId,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 50) String> addTags,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 50) String> removeTags) {}

  @PostMapping("/bulk")
  @Operation(summary = "Assign an owner and add or remove tags on many contacts")
  Map<String, Integer> bulk(@Valid @RequestBody Bulk bulk) {
    return Map.of(
        "updated",
        contacts.bulk(
            new Contacts.BulkChange(
                bulk.ids(), bulk.ownerId(), bulk.addTags(), bulk.removeTags())));
  }
}
