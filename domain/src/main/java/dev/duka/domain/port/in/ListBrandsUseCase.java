package dev.duka.domain.port.in;

import dev.duka.domain.catalog.BrandCount;
import java.util.List;

/** The brands shoppers can filter by. */
public interface ListBrandsUseCase {

  /**
   * Every brand of the products the public may see, with how many there are, in alphabetical order
   * ignoring case. Brands that differ only in case count as one. Products without a brand are not
   * counted.
   */
  List<BrandCount> listBrands();
}
