package io.shelfwatch.competition;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A competition report's analysis, the same structure whoever wrote it (the LLM or the built-in
 * analyst). What an LLM answers is read into this and validated before it is stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Analysis(
        @NotBlank @Size(max = 2000) @JsonProperty("executive_summary") String executiveSummary,
        @NotNull @Valid @JsonProperty("price_position") PricePosition pricePosition,
        @NotNull @Valid @JsonProperty("market_position") MarketPosition marketPosition,
        @NotNull @Size(max = 10) @JsonProperty("advantages") List<@NotBlank @Size(max = 500) String> advantages,
        @NotNull @Size(max = 10) @JsonProperty("recommendations")
        List<@NotBlank @Size(max = 500) String> recommendations,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") @JsonProperty("confidence") BigDecimal confidence) {

    /** The main product's price against its competitors': premium, parity, discount, or unknown without data. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PricePosition(
            @NotBlank @Pattern(regexp = "premium|parity|discount|unknown") @JsonProperty("assessment")
            String assessment,
            @NotBlank @Size(max = 1000) @JsonProperty("details") String details) {
    }

    /** The main product's rank, rating and reviews against its competitors'. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MarketPosition(
            @NotBlank @Pattern(regexp = "leader|competitive|challenger|unknown") @JsonProperty("assessment")
            String assessment,
            @NotBlank @Size(max = 1000) @JsonProperty("details") String details) {
    }
}
