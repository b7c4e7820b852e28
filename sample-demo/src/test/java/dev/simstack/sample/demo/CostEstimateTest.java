package dev.simstack.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Usage priced with a price table: per line, per service, in total and per million orders. */
class CostEstimateTest {

    private static CostUsage usage() {
        Map<String, Long> writes = new TreeMap<>(Map.of("us-east-1", 2_000L, "us-west-2", 1_000L));
        return new CostUsage("us-east-1", 1_000_000, 1_000_000, 1_000_000, 100_000, writes, 1_000_000, true,
                1_000, 1_000, 1, 180);
    }

    @Test
    void the_demos_table_prices_each_quantity_at_the_regions_list_price() {
        CostEstimate cost = CostEstimate.of(usage(), PriceTable.builtIn(), 500_000);

        assertThat(cost.byService()).containsOnlyKeys("API Gateway", "SQS", "Lambda", "DynamoDB", "S3");
        assertThat(cost.byService().get("API Gateway")).isCloseTo(3.50, within(1e-9));
        assertThat(cost.byService().get("SQS")).isCloseTo(0.40, within(1e-9));
        assertThat(cost.byService().get("Lambda")).isCloseTo(0.20 + 100_000 * 0.0000166667, within(1e-9));
        assertThat(cost.byService().get("DynamoDB")).isCloseTo(3_000 * 0.625e-6 + 0.125, within(1e-9));
        assertThat(cost.byService().get("S3")).isCloseTo(0.005 + 0.0004 + 0.023, within(1e-9));
        assertThat(cost.perMillionOrders()).isCloseTo(cost.total() * 2, within(1e-9));
        assertThat(cost.text()).contains("  API Gateway        $3.50   1,000,000 REST requests $3.50\n")
                .contains("2,000 rWRU in us-east-1 $0.001250 + 1,000 rWRU in us-west-2 $0.000625 + 1,000,000 RRU")
                .contains("for 500,000 orders sent; per 1M orders of the same mix:")
                .contains("prices: the demo's prices.csv, read 2026-12-03");
    }

    @Test
    void a_table_of_ones_own_overrides_the_prices_and_a_missing_price_lists_those_there_are() {
        PriceTable mine = PriceTable.parse("""
                # read on 2027-01-15 from my contract
                region,service,item,usd,per
                us-east-1,apigateway,rest-request,1,1000000
                """, "mine.csv");

        assertThat(mine.usd("us-east-1", "apigateway", "rest-request")).isEqualTo(1e-6);
        assertThat(mine.describe()).isEqualTo("mine.csv, read 2027-01-15");
        assertThatThrownBy(() -> CostEstimate.of(usage(), mine, 1))
                .hasMessage("mine.csv has no price for us-east-1 sqs request; it has: us-east-1 apigateway rest-request");
    }

    @Test
    void a_malformed_line_is_named_with_its_number() {
        assertThatThrownBy(() -> PriceTable.parse("region,service,item,usd,per\nus-east-1,sqs,request,0.40\n", "p.csv"))
                .hasMessage("p.csv line 2: expected region,service,item,usd,per, got 'us-east-1,sqs,request,0.40'");
        assertThatThrownBy(() -> PriceTable.parse("us-east-1,sqs,request,cheap,1\n", "p.csv"))
                .hasMessage("p.csv line 1: usd and per must be numbers, got 'us-east-1,sqs,request,cheap,1'");
    }

    @Test
    void billing_units_round_up_as_aws_does() {
        assertThat(CostUsage.units(180, 1024)).isEqualTo(1);
        assertThat(CostUsage.units(1025, 1024)).isEqualTo(2);
        assertThat(CostUsage.units(0, 65_536)).isEqualTo(1);
        assertThat(CostUsage.itemBytes(Map.of("orderId", "o-1", "amount", 1999))).isEqualTo(7 + 3 + 6 + 3);
    }
}
