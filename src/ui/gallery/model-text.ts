/** The council tax sketch from the language design, as the editor exhibit's text. */
export const councilTaxText = `model "Oxfordshire CC: council tax projection, MTFP 2019/20 to 2021/22"
periods 2018/19 .. 2021/22              # UK financial years, April to March
source "Cabinet 18 September 2018, Service & Resource Planning, Annex 1b"

## Council tax

input taxbase_growth = 2%                          source "Annex 1b, para 12"
input band_d_increase = 2.99% in 2019/20, 1.99% from 2020/21
input collection_surplus = £4.5m from 2019/20

taxbase [properties] =
  | 2018/19  : 246,841                                # input for the base year
  | 2019/20..: taxbase[-1] * (1 + taxbase_growth)

band_d [£] =
  | 2018/19  : £1,426.18
  | 2019/20..: band_d[-1] * (1 + band_d_increase)

council_tax_requirement [£m] = taxbase * band_d     # £/property × properties = £
total_council_tax [£m] = council_tax_requirement + collection_surplus
gap_share [%] = remaining_gap / (total_council_tax - total_council_tax[-1]) + taxbase_growth

check total_council_tax[2021/22] ≈ £404.730m within £0.001m
`;
