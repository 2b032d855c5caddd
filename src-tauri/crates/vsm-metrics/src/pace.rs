//! Demand and pace (docs/metrics.md §1): available time, daily demand, takt, and day length.

use vsm_model::{DayBasis, DemandPeriod, Map};

use crate::figure::{Figure, Reason};

/// The pace figures of one map.
#[derive(Debug, Clone, PartialEq)]
pub struct Pace {
    /// Available working seconds per shift: shift − breaks.
    pub available_s_per_shift: Figure,
    /// Shifts per day of the map's calendar.
    pub shifts_per_day: Figure,
    /// Customer demand per working day.
    pub daily_demand: Figure,
    /// Customer demand per shift.
    pub demand_per_shift: Figure,
    /// Takt time: available time per shift ÷ demand per shift.
    pub takt_s: Figure,
    /// Seconds in one "day" as the map's `day_basis` defines it.
    pub day_length_s: Figure,
    /// Pitch: takt × pack quantity.
    pub pitch_s: Figure,
}

impl Pace {
    /// The pace figures of `map`.
    pub fn of(map: &Map) -> Pace {
        pace(map)
    }
}

/// Computes the pace figures of `map`.
pub fn pace(map: &Map) -> Pace {
    let no_calendar = || Reason::new("the map has no calendar (shift length and breaks)");
    let available_s_per_shift =
        map.calendar.as_ref().map(|c| c.shift_s - c.breaks_s.unwrap_or(0.0)).ok_or_else(no_calendar);
    let shifts_per_day =
        map.calendar.as_ref().map(|c| c.shifts_per_day.unwrap_or(1.0)).ok_or_else(no_calendar);

    let daily_demand = match &map.demand {
        None => Err(Reason::new("the map has no customer demand")),
        Some(demand) => match demand.per {
            DemandPeriod::Day => Ok(demand.quantity),
            _ => demand
                .working_days_per_period
                .map(|days| demand.quantity / days)
                .ok_or_else(|| Reason::new("demand has no working_days_per_period")),
        },
    };
    let demand_per_shift = match (&daily_demand, &shifts_per_day) {
        (Ok(daily), Ok(shifts)) => Ok(daily / shifts),
        (Err(reason), _) | (_, Err(reason)) => Err(reason.clone()),
    };
    let takt_s = match (&available_s_per_shift, &demand_per_shift) {
        (_, Ok(demand)) if *demand <= 0.0 => Err(Reason::new("customer demand is 0, so there is no takt")),
        (Ok(available), Ok(demand)) => Ok(available / demand),
        (Err(reason), _) | (_, Err(reason)) => Err(reason.clone()),
    };
    let basis = map.calendar.as_ref().and_then(|c| c.day_basis).unwrap_or_default();
    let day_length_s = match basis {
        DayBasis::Calendar => Ok(86_400.0),
        DayBasis::Working => match (&available_s_per_shift, &shifts_per_day) {
            (Ok(available), Ok(shifts)) => Ok(available * shifts),
            (Err(reason), _) | (_, Err(reason)) => Err(reason.clone()),
        },
    };
    let pitch_s = match (&takt_s, map.demand.as_ref().and_then(|d| d.pack_quantity)) {
        (Ok(takt), Some(pack)) => Ok(takt * pack),
        (Err(reason), _) => Err(reason.clone()),
        (_, None) => Err(Reason::new("demand has no pack_quantity")),
    };
    Pace {
        available_s_per_shift,
        shifts_per_day,
        daily_demand,
        demand_per_shift,
        takt_s,
        day_length_s,
        pitch_s,
    }
}
