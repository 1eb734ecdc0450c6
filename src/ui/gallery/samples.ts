/**
 * Sample DTOs for the component gallery, shaped exactly as the worker sends them. The figures were
 * computed outside the UI (a Python script with exact decimals, half-up display rounding) from the
 * council tax sketch in the language design and a TOM cost-benefit case; the UI never computes them.
 */
import type { ComparisonDto, EvaluationDto, LineDto, LineageDto } from "../../protocol";

/** A council tax projection, 2018/19 to 2021/22, with one failed check and one known finding. */
export const councilTax: EvaluationDto = {
  revision: 42,
  title: "Oxfordshire CC: council tax projection, MTFP 2019/20 to 2021/22",
  scenario: null,
  scenarios: [
    {
      name: "low",
      label: "Low growth",
    },
    {
      name: "high",
      label: "High growth",
    },
  ],
  periods: ["2018/19", "2019/20", "2020/21", "2021/22"],
  lines: [
    {
      key: "taxbase_growth",
      name: "taxbase_growth",
      label: "Tax base growth",
      section: "Council tax",
      kind: "input",
      unit: "%",
      cells: [
        {
          value: "0.02",
          display: "2.00%",
        },
        {
          value: "0.02",
          display: "2.00%",
        },
        {
          value: "0.02",
          display: "2.00%",
        },
        {
          value: "0.02",
          display: "2.00%",
        },
      ],
      source: "Annex 1b, para 12",
    },
    {
      key: "band_d_increase",
      name: "band_d_increase",
      label: "Band D increase",
      section: "Council tax",
      kind: "input",
      unit: "%",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "0.0299",
          display: "2.99%",
          exception: true,
        },
        {
          value: "0.0199",
          display: "1.99%",
        },
        {
          value: "0.0199",
          display: "1.99%",
        },
      ],
      source: "Annex 1b, para 14",
    },
    {
      key: "collection_surplus",
      name: "collection_surplus",
      label: "Collection fund surplus",
      section: "Council tax",
      kind: "input",
      unit: "£m",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "4500000",
          display: "£4.500m",
        },
        {
          value: "4500000",
          display: "£4.500m",
        },
        {
          value: "4500000",
          display: "£4.500m",
        },
      ],
      source: "Annex 1b, table 3",
    },
    {
      key: "taxbase",
      name: "taxbase",
      label: "Tax base (Band D equivalents)",
      section: "Council tax",
      kind: "calc",
      unit: "properties",
      cells: [
        {
          value: "246841",
          display: "246,841",
          exception: true,
        },
        {
          value: "251777.82",
          display: "251,778",
        },
        {
          value: "256813.3764",
          display: "256,813",
        },
        {
          value: "261949.643928",
          display: "261,950",
        },
      ],
    },
    {
      key: "band_d",
      name: "band_d",
      label: "Band D council tax",
      section: "Council tax",
      kind: "calc",
      unit: "£",
      cells: [
        {
          value: "1426.18",
          display: "£1,426.18",
          exception: true,
        },
        {
          value: "1468.822782",
          display: "£1,468.82",
        },
        {
          value: "1498.052355",
          display: "£1,498.05",
        },
        {
          value: "1527.863597",
          display: "£1,527.86",
        },
      ],
    },
    {
      key: "council_tax_requirement",
      name: "council_tax_requirement",
      label: "Council tax requirement",
      section: "Council tax",
      kind: "calc",
      unit: "£m",
      cells: [
        {
          value: "352039697.38",
          display: "£352.040m",
        },
        {
          value: "369816998.018295",
          display: "£369.817m",
        },
        {
          value: "384719883.404437",
          display: "£384.720m",
        },
        {
          value: "400223325.265868",
          display: "£400.223m",
        },
      ],
    },
    {
      key: "total_council_tax",
      name: "total_council_tax",
      label: "Total council tax income",
      section: "Council tax",
      kind: "calc",
      unit: "£m",
      cells: [
        {
          value: "352039697.38",
          display: "£352.040m",
        },
        {
          value: "374316998.018295",
          display: "£374.317m",
        },
        {
          value: "389219883.404437",
          display: "£389.220m",
        },
        {
          value: "404723325.265868",
          display: "£404.723m",
        },
      ],
    },
    {
      key: "pressures[children]",
      name: "pressures",
      label: "Children's Services",
      section: "Service pressures",
      kind: "input",
      unit: "£000",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "1851000",
          display: "£1,851",
        },
        {
          value: "1502000",
          display: "£1,502",
        },
        {
          value: "1527000",
          display: "£1,527",
        },
      ],
      member: "children",
      source: "Annex 2, pressures by directorate",
    },
    {
      key: "pressures[adults]",
      name: "pressures",
      label: "Adult Services",
      section: "Service pressures",
      kind: "input",
      unit: "£000",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "1819000",
          display: "£1,819",
        },
        {
          value: "7900000",
          display: "£7,900",
        },
        {
          value: "5576000",
          display: "£5,576",
        },
      ],
      member: "adults",
      source: "Annex 2, pressures by directorate",
    },
    {
      key: "pressures[public_health]",
      name: "pressures",
      label: "Public Health",
      section: "Service pressures",
      kind: "input",
      unit: "£000",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "0",
          display: "–",
        },
        {
          value: "0",
          display: "–",
        },
        {
          value: "0",
          display: "–",
        },
      ],
      member: "public_health",
      source: "Annex 2, pressures by directorate",
    },
    {
      key: "pressures[communities]",
      name: "pressures",
      label: "Communities",
      section: "Service pressures",
      kind: "input",
      unit: "£000",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "18000",
          display: "£18",
        },
        {
          value: "-2199000",
          display: "(£2,199)",
        },
        {
          value: "-500000",
          display: "(£500)",
        },
      ],
      member: "communities",
      source: "Annex 2, pressures by directorate",
    },
    {
      key: "pressures[resources]",
      name: "pressures",
      label: "Resources",
      section: "Service pressures",
      kind: "input",
      unit: "£000",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "388000",
          display: "£388",
        },
        {
          value: "120000",
          display: "£120",
        },
        {
          value: "0",
          display: "–",
        },
      ],
      member: "resources",
      source: "Annex 2, pressures by directorate",
    },
    {
      key: "total_pressures",
      name: "total_pressures",
      label: "Total pressures",
      section: "Service pressures",
      kind: "calc",
      unit: "£000",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "4076000",
          display: "£4,076",
        },
        {
          value: "7323000",
          display: "£7,323",
        },
        {
          value: "6603000",
          display: "£6,603",
        },
      ],
    },
    {
      key: "savings_identified",
      name: "savings_identified",
      label: "Savings identified",
      section: "Funding gap",
      kind: "input",
      unit: "£m",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "-2500000",
          display: "(£2.500m)",
        },
        {
          value: "-4000000",
          display: "(£4.000m)",
        },
        {
          value: "-4200000",
          display: "(£4.200m)",
        },
      ],
      source: "Cabinet 18 Sep 2018, Annex 3",
    },
    {
      key: "remaining_gap",
      name: "remaining_gap",
      label: "Remaining gap",
      section: "Funding gap",
      kind: "calc",
      unit: "£m",
      cells: [
        {
          value: "0",
          display: "–",
        },
        {
          value: "1576000",
          display: "£1.576m",
        },
        {
          value: "3323000",
          display: "£3.323m",
        },
        {
          value: "2403000",
          display: "£2.403m",
        },
      ],
    },
    {
      key: "gap_share_of_tax",
      name: "gap_share_of_tax",
      label: "Gap as share of council tax growth",
      section: "Funding gap",
      kind: "calc",
      unit: "%",
      cells: [
        {
          value: null,
          display: "#P4003",
          error: {
            code: "P4003",
            message:
              "Division by zero: 'council_tax_growth' is £0 in 2018/19. Start the formula from 2019/20 with an exception.",
            origin: {
              item: "gap_share_of_tax",
              period: "2018/19",
            },
          },
        },
        {
          value: "0.070745",
          display: "7.07%",
        },
        {
          value: "0.222977",
          display: "22.30%",
        },
        {
          value: "0.154998",
          display: "15.50%",
        },
      ],
    },
    {
      key: "referendum_limit",
      name: "referendum_limit",
      label: "Referendum limit",
      section: "Funding gap",
      kind: "input",
      unit: "%",
      cells: [],
      source: "MHCLG referendum principles 2019/20",
      scalar: {
        value: "0.03",
        display: "3.00%",
      },
    },
  ],
  checks: [
    {
      name: "total_tax_ties",
      label: "Total council tax ties to Annex 1b",
      passed: false,
      failures: [
        {
          period: "2021/22",
          left: "£404.723m",
          right: "£404.730m",
          message: "Differs by £0.007m, more than £0.001m",
        },
      ],
      from: 1200,
      to: 1262,
    },
    {
      name: "pressures_reconcile",
      label: "Pressures reconcile to Annex 2 total",
      passed: true,
      failures: [],
      from: 1263,
      to: 1320,
    },
    {
      name: "within_referendum_limit",
      label: "Band D increase within referendum limit",
      passed: true,
      failures: [],
      from: 1321,
      to: 1380,
    },
    {
      name: "collection_fund_matches",
      label: "Collection fund surplus matches the estimate",
      passed: false,
      known: "The estimate is reported net of parish precepts (Annex 1b, note 4).",
      failures: [
        {
          period: "2019/20",
          left: "£4.500m",
          right: "£4.620m",
          message: "Differs by £0.120m",
        },
        {
          period: "2020/21",
          left: "£4.500m",
          right: "£4.580m",
          message: "Differs by £0.080m",
        },
      ],
      from: 1381,
      to: 1440,
    },
  ],
  masterCheck: {
    passed: false,
    failed: 1,
    known: 1,
  },
  diagnostics: [],
  elapsedMs: 3.8,
};

/** The lineage of total council tax income in 2021/22. */
export const councilTaxLineage: LineageDto = {
  revision: 42,
  tree: {
    key: "total_council_tax",
    period: "2021/22",
    value: "404723325.265868",
    display: "£404.723m",
    unit: "£m",
    from: 0,
    to: 0,
    children: [
      {
        key: "council_tax_requirement",
        period: "2021/22",
        value: "400223325.265868",
        display: "£400.223m",
        unit: "£m",
        from: 0,
        to: 0,
        children: [
          {
            key: "taxbase",
            period: "2021/22",
            value: "261949.643928",
            display: "261,950",
            unit: "properties",
            from: 0,
            to: 0,
            children: [
              {
                key: "taxbase",
                period: "2020/21",
                value: "256813.3764",
                display: "256,813",
                unit: "properties",
                from: 0,
                to: 0,
                children: [
                  {
                    key: "taxbase",
                    period: "2019/20",
                    value: "251777.82",
                    display: "251,778",
                    unit: "properties",
                    from: 0,
                    to: 0,
                    children: [
                      {
                        key: "taxbase",
                        period: "2018/19",
                        value: "246841",
                        display: "246,841",
                        unit: "properties",
                        from: 0,
                        to: 0,
                        children: [],
                        formula: "246,841",
                        source: "Annex 1b, para 11",
                      },
                      {
                        key: "taxbase_growth",
                        period: "2019/20",
                        value: "0.02",
                        display: "2.00%",
                        unit: "%",
                        from: 0,
                        to: 0,
                        children: [],
                        source: "Annex 1b, para 12",
                      },
                    ],
                    formula: "taxbase[-1] * (1 + taxbase_growth)",
                  },
                  {
                    key: "taxbase_growth",
                    period: "2020/21",
                    value: "0.02",
                    display: "2.00%",
                    unit: "%",
                    from: 0,
                    to: 0,
                    children: [],
                    source: "Annex 1b, para 12",
                  },
                ],
                formula: "taxbase[-1] * (1 + taxbase_growth)",
              },
              {
                key: "taxbase_growth",
                period: "2021/22",
                value: "0.02",
                display: "2.00%",
                unit: "%",
                from: 0,
                to: 0,
                children: [],
                source: "Annex 1b, para 12",
              },
            ],
            formula: "taxbase[-1] * (1 + taxbase_growth)",
          },
          {
            key: "band_d",
            period: "2021/22",
            value: "1527.863597",
            display: "£1,527.86",
            unit: "£",
            from: 0,
            to: 0,
            children: [
              {
                key: "band_d",
                period: "2020/21",
                value: "1498.052355",
                display: "£1,498.05",
                unit: "£",
                from: 0,
                to: 0,
                children: [
                  {
                    key: "band_d",
                    period: "2019/20",
                    value: "1468.822782",
                    display: "£1,468.82",
                    unit: "£",
                    from: 0,
                    to: 0,
                    children: [
                      {
                        key: "band_d",
                        period: "2018/19",
                        value: "1426.18",
                        display: "£1,426.18",
                        unit: "£",
                        from: 0,
                        to: 0,
                        children: [],
                        formula: "£1,426.18",
                        source: "Council tax resolution 2018/19",
                      },
                      {
                        key: "band_d_increase",
                        period: "2019/20",
                        value: "0.0299",
                        display: "2.99%",
                        unit: "%",
                        from: 0,
                        to: 0,
                        children: [],
                        source: "Annex 1b, para 14",
                      },
                    ],
                    formula: "band_d[-1] * (1 + band_d_increase)",
                  },
                  {
                    key: "band_d_increase",
                    period: "2020/21",
                    value: "0.0199",
                    display: "1.99%",
                    unit: "%",
                    from: 0,
                    to: 0,
                    children: [],
                    source: "Annex 1b, para 14",
                  },
                ],
                formula: "band_d[-1] * (1 + band_d_increase)",
              },
              {
                key: "band_d_increase",
                period: "2021/22",
                value: "0.0199",
                display: "1.99%",
                unit: "%",
                from: 0,
                to: 0,
                children: [],
                source: "Annex 1b, para 14",
              },
            ],
            formula: "band_d[-1] * (1 + band_d_increase)",
          },
        ],
        formula: "taxbase * band_d",
      },
      {
        key: "collection_surplus",
        period: "2021/22",
        value: "4500000",
        display: "£4.500m",
        unit: "£m",
        from: 0,
        to: 0,
        children: [],
        source: "Annex 1b, table 3",
      },
    ],
    formula: "council_tax_requirement + collection_surplus",
  },
  dependents: [
    {
      key: "gap_share_of_tax",
      label: "Gap as share of council tax growth",
    },
  ],
  checks: [
    { name: "total_tax_ties", label: "Total council tax ties to Annex 1b", from: 1200, to: 1262 },
  ],
};

/** The TOM cost-benefit case, low against high scenario. */
export const tomComparison: ComparisonDto = {
  revision: 7,
  left: "low",
  right: "high",
  periods: ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"],
  rows: [
    {
      key: "one_off_costs",
      label: "One-off implementation costs",
      unit: "£m",
      left: ["(£12.500m)", "(£9.800m)", "(£4.200m)", "–", "–"],
      right: ["(£12.500m)", "(£9.800m)", "(£4.200m)", "–", "–"],
      difference: ["–", "–", "–", "–", "–"],
      exact: {
        left: ["-12500000", "-9800000", "-4200000", "0", "0"],
        right: ["-12500000", "-9800000", "-4200000", "0", "0"],
        difference: ["0", "0", "0", "0", "0"],
      },
      changed: false,
    },
    {
      key: "recurring_benefit",
      label: "Recurring benefit (full year)",
      unit: "£m",
      left: ["£34.000m", "£34.000m", "£34.000m", "£34.000m", "£34.000m"],
      right: ["£58.000m", "£58.000m", "£58.000m", "£58.000m", "£58.000m"],
      difference: ["£24.000m", "£24.000m", "£24.000m", "£24.000m", "£24.000m"],
      exact: {
        left: ["34000000", "34000000", "34000000", "34000000", "34000000"],
        right: ["58000000", "58000000", "58000000", "58000000", "58000000"],
        difference: ["24000000", "24000000", "24000000", "24000000", "24000000"],
      },
      changed: true,
    },
    {
      key: "benefit_in_year",
      label: "Benefit in year",
      unit: "£m",
      left: ["£8.500m", "£20.400m", "£34.000m", "£34.000m", "£34.000m"],
      right: ["£14.500m", "£34.800m", "£58.000m", "£58.000m", "£58.000m"],
      difference: ["£6.000m", "£14.400m", "£24.000m", "£24.000m", "£24.000m"],
      exact: {
        left: ["8500000", "20400000", "34000000", "34000000", "34000000"],
        right: ["14500000", "34800000", "58000000", "58000000", "58000000"],
        difference: ["6000000", "14400000", "24000000", "24000000", "24000000"],
      },
      changed: true,
    },
    {
      key: "net_benefit",
      label: "Net benefit",
      unit: "£m",
      left: ["(£4.000m)", "£10.600m", "£29.800m", "£34.000m", "£34.000m"],
      right: ["£2.000m", "£25.000m", "£53.800m", "£58.000m", "£58.000m"],
      difference: ["£6.000m", "£14.400m", "£24.000m", "£24.000m", "£24.000m"],
      exact: {
        left: ["-4000000", "10600000", "29800000", "34000000", "34000000"],
        right: ["2000000", "25000000", "53800000", "58000000", "58000000"],
        difference: ["6000000", "14400000", "24000000", "24000000", "24000000"],
      },
      changed: true,
    },
    {
      key: "cumulative_net_benefit",
      label: "Cumulative net benefit",
      unit: "£m",
      left: ["(£4.000m)", "£6.600m", "£36.400m", "£70.400m", "£104.400m"],
      right: ["£2.000m", "£27.000m", "£80.800m", "£138.800m", "£196.800m"],
      difference: ["£6.000m", "£20.400m", "£44.400m", "£68.400m", "£92.400m"],
      exact: {
        left: ["-4000000", "6600000", "36400000", "70400000", "104400000"],
        right: ["2000000", "27000000", "80800000", "138800000", "196800000"],
        difference: ["6000000", "20400000", "44400000", "68400000", "92400000"],
      },
      changed: true,
    },
    {
      key: "discount_factor",
      label: "Discount factor (3.5%)",
      unit: "",
      left: ["1.0000", "0.9662", "0.9335", "0.9019", "0.8714"],
      right: ["1.0000", "0.9662", "0.9335", "0.9019", "0.8714"],
      difference: ["–", "–", "–", "–", "–"],
      exact: {
        left: ["1", "0.966184", "0.933511", "0.901943", "0.871442"],
        right: ["1", "0.966184", "0.933511", "0.901943", "0.871442"],
        difference: ["0", "0", "0", "0", "0"],
      },
      changed: false,
    },
  ],
};

/** Periods of the TOM case. */
export const tomPeriods: readonly string[] = [
  "2019/20",
  "2020/21",
  "2021/22",
  "2022/23",
  "2023/24",
];

/** TOM lines under the high scenario, for the chart. */
export const tomLines: readonly LineDto[] = [
  {
    key: "benefit_in_year",
    name: "benefit_in_year",
    label: "Benefit in year",
    section: "TOM",
    kind: "calc",
    unit: "£m",
    cells: [
      {
        value: "14500000",
        display: "£14.500m",
      },
      {
        value: "34800000",
        display: "£34.800m",
      },
      {
        value: "58000000",
        display: "£58.000m",
      },
      {
        value: "58000000",
        display: "£58.000m",
      },
      {
        value: "58000000",
        display: "£58.000m",
      },
    ],
  },
  {
    key: "one_off_costs",
    name: "one_off_costs",
    label: "One-off costs",
    section: "TOM",
    kind: "input",
    unit: "£m",
    cells: [
      {
        value: "-12500000",
        display: "(£12.500m)",
      },
      {
        value: "-9800000",
        display: "(£9.800m)",
      },
      {
        value: "-4200000",
        display: "(£4.200m)",
      },
      {
        value: "0",
        display: "–",
      },
      {
        value: "0",
        display: "–",
      },
    ],
  },
  {
    key: "cumulative_net_benefit",
    name: "cumulative_net_benefit",
    label: "Cumulative net benefit",
    section: "TOM",
    kind: "calc",
    unit: "£m",
    cells: [
      {
        value: "2000000",
        display: "£2.000m",
      },
      {
        value: "27000000",
        display: "£27.000m",
      },
      {
        value: "80800000",
        display: "£80.800m",
      },
      {
        value: "138800000",
        display: "£138.800m",
      },
      {
        value: "196800000",
        display: "£196.800m",
      },
    ],
  },
];
